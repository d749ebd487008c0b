'use strict';
// A small but real HTTP server on coil's `http`, the same file under node:
//   GET  /files/<name>   a file from examples/ (or the directory given with
//                        ROOT=), streamed, with Last-Modified / If-Modified-Since
//                        (304) and Range requests (206, 416)
//   GET  /api/time       JSON
//   POST or PUT /upload/<name>  the body streamed to a file under the upload
//                        directory (UPLOADS=, default a temporary one); 201
// `coil examples/server.js [port]` (port 0 picks a free one); `make run` starts it.

const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream');

const root = path.resolve(process.env.ROOT || __dirname);
const uploads = process.env.UPLOADS || fs.mkdtempSync(path.join(os.tmpdir(), 'coil-uploads-'));

// A name inside `dir`, or null for anything that would leave it.
function inside(dir, name) {
  const full = path.resolve(dir, decodeURIComponent(name));
  return full.startsWith(dir + path.sep) ? full : null;
}

function sendError(res, status) {
  const body = `${status} ${http.STATUS_CODES[status]}\n`;
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function serveFile(req, res, name) {
  const file = inside(root, name);
  if (file === null) return sendError(res, 403);
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendError(res, 404);
    const modified = new Date(Math.floor(st.mtimeMs / 1000) * 1000);
    const since = Date.parse(req.headers['if-modified-since'] || '');
    const headers = { 'Last-Modified': modified.toUTCString(), 'Accept-Ranges': 'bytes' };
    if (!Number.isNaN(since) && modified.getTime() <= since) {
      res.writeHead(304, headers);
      return res.end();
    }
    let start = 0, end = st.size - 1, status = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
    if (range !== null && (range[1] !== '' || range[2] !== '')) {
      if (range[1] === '') {
        start = Math.max(0, st.size - Number(range[2]));
      } else {
        start = Number(range[1]);
        if (range[2] !== '') end = Math.min(end, Number(range[2]));
      }
      if (start > end || start >= st.size) {
        res.writeHead(416, { 'Content-Range': `bytes */${st.size}` });
        return res.end();
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${st.size}`;
    }
    headers['Content-Length'] = end - start + 1;
    headers['Content-Type'] = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || st.size === 0) return res.end();
    pipeline(fs.createReadStream(file, { start, end }), res, () => {});
  });
}

function upload(req, res, name) {
  const file = inside(uploads, name);
  if (file === null) return sendError(res, 403);
  pipeline(req, fs.createWriteStream(file), (err) => {
    if (err) return sendError(res, 500);
    const body = JSON.stringify({ saved: path.basename(file), bytes: fs.statSync(file).size });
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(body);
  });
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if ((req.method === 'GET' || req.method === 'HEAD') && pathname.startsWith('/files/')) {
    return serveFile(req, res, pathname.slice('/files/'.length));
  }
  if (req.method === 'GET' && pathname === '/api/time') {
    const body = JSON.stringify({ now: new Date().toISOString(), runtime: process.release.name });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(body);
  }
  if ((req.method === 'POST' || req.method === 'PUT') && pathname.startsWith('/upload/')) {
    return upload(req, res, pathname.slice('/upload/'.length));
  }
  sendError(res, 404);
});

if (require.main === module) {
  server.listen(Number(process.argv[2] || 8080), () => {
    const { port } = server.address();
    console.log(`serving on http://127.0.0.1:${port}/`);
    console.log(`  curl http://127.0.0.1:${port}/files/server.js`);
    console.log(`  curl -H 'Range: bytes=0-99' http://127.0.0.1:${port}/files/server.js`);
    console.log(`  curl http://127.0.0.1:${port}/api/time`);
    console.log(`  curl -T some-file http://127.0.0.1:${port}/upload/some-file   (to ${uploads})`);
  });
}

module.exports = { server, uploads };
