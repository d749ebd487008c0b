// Smaller parts of the http server and OutgoingMessage API that node's own tests
// check: the timeouts' defaults and bounds, Symbol.asyncDispose (http and net
// servers), a ServerResponse on any Writable (assignSocket), the deprecated
// _headers/_headerNames views, write after end, res.closed/res.errored, a
// removed Connection field, captureRejections, writableLength of one tick's
// writes, and cork() left on at end().
'use strict';
const http = require('http');
const net = require('net');
const events = require('events');
const { Writable } = require('stream');
const { exchange, show, listen } = require('./fixtures/wire');

function attempt(label, fn) {
  try {
    console.log(`${label}: ok ${JSON.stringify(fn())}`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code}`);
  }
}

function timeouts() {
  const t = (o) => { const s = http.createServer(o); return [s.headersTimeout, s.requestTimeout]; };
  attempt('timeouts default', () => t());
  attempt('timeouts requestTimeout 20000', () => t({ requestTimeout: 20000 }));
  attempt('timeouts requestTimeout 100000', () => t({ requestTimeout: 100000 }));
  attempt('timeouts headersTimeout 10000', () => t({ headersTimeout: 10000 }));
  attempt('timeouts headers > request', () => t({ headersTimeout: 10000, requestTimeout: 1000 }));
}

async function dispose() {
  const server = http.createServer();
  await listen(server);
  let closed = false;
  server.on('close', () => { closed = true; });
  await server[Symbol.asyncDispose]();
  console.log('http asyncDispose', closed, server.listening);
  const ns = net.createServer();
  await listen(ns);
  await ns[Symbol.asyncDispose]();
  await ns[Symbol.asyncDispose]();
  console.log('net asyncDispose twice', ns.address());
}

function standalone() {
  const res = new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1 });
  const seen = [];
  const ws = new Writable({
    write(chunk, encoding, cb) {
      seen.push(chunk.length === 0 ? '(empty)' : chunk.toString().split('\r\n').pop());
      setImmediate(cb);
    },
  });
  res.assignSocket(ws);
  attempt('assignSocket again', () => res.assignSocket(ws));
  return new Promise((resolve) => {
    res.end('hello world', () => {
      console.log('standalone writes', JSON.stringify(seen));
      resolve();
    });
  });
}

function legacyHeaders() {
  const msg = new http.OutgoingMessage();
  console.log('_headerNames empty', msg._headerNames);
  msg.setHeader('X-Key', 'v');
  console.log('_headerNames', JSON.stringify(msg._headerNames), '_headers', JSON.stringify(msg._headers));
  msg._headers = { 'X-Other': 'o' };
  console.log('after _headers =', JSON.stringify(msg.getHeaders()), JSON.stringify(msg.getRawHeaderNames()));
}

async function serverSide() {
  const server = http.createServer((req, res) => {
    if (req.url === '/after-end') {
      res.on('error', (e) => console.log('write after end error', e.code));
      res.write('a');
      res.end();
      console.log('write after end returns', res.write('b'));
    } else if (req.url === '/destroy') {
      console.log('closed before', res.closed, res.errored);
      const err = new Error('boom');
      res.on('close', () => console.log('closed after', res.closed, res.errored === err));
      res.destroy(err);
    } else if (req.url === '/no-connection') {
      res.removeHeader('connection');
      res.end('kept');
    } else if (req.url === '/no-framing') {
      res.removeHeader('connection');
      res.removeHeader('transfer-encoding');
      res.removeHeader('content-length');
      res.end('until close');
    } else if (req.url === '/length') {
      res.write('');
      const before = res.writableLength;
      res.write('asd');
      console.log('writableLength grows by', res.writableLength - before);
      res.end();
    } else if (req.url === '/cork') {
      res.cork();
      res.cork();
      res.writeHead(200, { 'x-a': '1' });
      res.uncork();
      res.end('corked', () => console.log('cork end finished', res.writableCorked));
    }
  });
  const port = await listen(server);
  const get = (path, extra = '') => exchange(port, `GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`);
  show('after-end', await get('/after-end'));
  show('destroy', await get('/destroy'));
  show('no-connection', await get('/no-connection'));
  show('no-framing', await get('/no-framing'));
  show('length', await get('/length'));
  show('cork', await get('/cork'));
  server.close();
}

async function rejections() {
  events.captureRejections = true;
  const server = http.createServer(async (req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/late') res.writeHead(200);
    throw new Error('kaboom');
  });
  events.captureRejections = false;
  const port = await listen(server);
  show('rejection before head', await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  show('rejection after head', await exchange(port, 'GET /late HTTP/1.1\r\nHost: x\r\n\r\n'));
  server.close();
}

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

(async () => {
  timeouts();
  await dispose();
  await standalone();
  legacyHeaders();
  await serverSide();
  await rejections();
})();
