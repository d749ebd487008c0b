'use strict';
// An express 4 app as a user writes one: a Router with body-parser (JSON, url-encoded,
// a malformed body), express.static (a page, a byte range, conditional GET) and a
// 404 handler, served on loopback and asked by coil's own http client.
const express = require('express');
const bodyParser = require('body-parser');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'express-'));
fs.writeFileSync(path.join(root, 'index.html'), '<h1>static</h1>\n');
fs.writeFileSync(path.join(root, 'style.css'), 'body { color: red }\n');
const app = express();
const api = express.Router();
api.use(bodyParser.json());
api.use(bodyParser.urlencoded({ extended: false }));
api.get('/items/:id', (req, res) => res.json({ id: Number(req.params.id), query: req.query }));
api.post('/items', (req, res) => res.status(201).json({ body: req.body }));
api.use((err, req, res, next) => res.status(err.status).json({ error: err.type }));
app.use('/api', api);
app.use(express.static(root));
app.use((req, res) => res.status(404).type('text').send('nope'));

function ask(port, method, url, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      // The ETag holds the file's mtime: only whether there is one is printed.
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], etag: typeof res.headers.etag, text, tag: res.headers.etag }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const json = { 'content-type': 'application/json' };
  const show = async (...a) => { const { tag, ...r } = await ask(port, ...a); console.log(r); };
  await show('GET', '/api/items/7?x=1&y=two');
  await show('POST', '/api/items', json, '{"a":[1,2]}');
  await show('POST', '/api/items', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=two');
  await show('POST', '/api/items', json, '{bad');
  const page = await ask(port, 'GET', '/');
  console.log(page.status, page.type, page.text, page.etag);
  console.log((await ask(port, 'GET', '/', { 'if-none-match': page.tag })).status);
  const { tag, ...range } = await ask(port, 'GET', '/style.css', { range: 'bytes=0-3' });
  console.log(range, typeof tag);
  await show('GET', '/missing');
  server.close(() => fs.rmSync(root, { recursive: true }));
});
