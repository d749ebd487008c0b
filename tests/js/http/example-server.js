// examples/server.js answers as it says: a file, a range of it (206), 416 for a
// range past its end, 304 for If-Modified-Since, JSON, a streamed upload (201),
// 404, and 403 for a path that leaves its directory.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { server, uploads } = require('../../../examples/server.js');

// Every request on one keep-alive connection, the upload's included.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port, p, headers, body, method) {
  return new Promise((resolve) => {
    const options = { port, host: '127.0.0.1', path: p, headers, method: method || 'GET', agent };
    const req = http.request(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    if (body) {
      req.write(body.subarray(0, 1000));
      req.end(body.subarray(1000));
    } else {
      req.end();
    }
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const file = fs.readFileSync(path.join(__dirname, '../../../examples/hello.js'));
  let r = await get(port, '/files/hello.js');
  console.log('file:', r.status, r.body.equals(file), r.headers['accept-ranges']);
  const lastModified = r.headers['last-modified'];
  r = await get(port, '/files/hello.js', { range: 'bytes=0-9' });
  console.log('range:', r.status, r.headers['content-range'] === `bytes 0-9/${file.length}`,
              r.body.equals(file.subarray(0, 10)));
  r = await get(port, '/files/hello.js', { range: 'bytes=-5' });
  console.log('suffix range:', r.status, r.body.equals(file.subarray(file.length - 5)));
  r = await get(port, '/files/hello.js', { range: `bytes=${file.length + 10}-` });
  console.log('past the end:', r.status, r.headers['content-range'] === `bytes */${file.length}`);
  r = await get(port, '/files/hello.js', { 'if-modified-since': lastModified });
  console.log('not modified:', r.status, r.body.length);
  r = await get(port, '/api/time');
  const json = JSON.parse(r.body);
  console.log('json:', r.status, r.headers['content-type'], typeof json.now);
  const payload = Buffer.alloc(300000, 7);
  r = await get(port, '/upload/data.bin', {}, payload, 'PUT');
  const saved = JSON.parse(r.body);
  console.log('upload:', r.status, saved.bytes === payload.length,
              fs.readFileSync(path.join(uploads, 'data.bin')).equals(payload));
  r = await get(port, '/nothing');
  console.log('missing:', r.status);
  r = await get(port, '/files/%2e%2e%2fREADME.md');
  console.log('outside:', r.status);
  fs.rmSync(uploads, { recursive: true, force: true });
  agent.destroy();
  server.close();
});
