// A request without a body, looked at in each way a handler can: events heard
// in the handler, after the response ('end' still comes to a late reader),
// 'readable' late, async iteration, the stream state read directly, a request
// whose prototype is replaced (as Express does), and one nobody touches. The
// order of 'end', 'close' and the response's 'finish' is the same as node's.
'use strict';
const http = require('http');
const { Readable } = require('stream');

const log = [];
const say = (s) => log.push(s);
const proto = Object.create(http.IncomingMessage.prototype);
proto.hello = function() { return `hello ${this.url}`; };

const server = http.createServer((req, res) => {
  const url = req.url;
  switch (url) {
    case '/listen':
      req.on('end', () => say(`${url} end complete=${req.complete}`));
      req.on('close', () => say(`${url} close`));
      res.on('finish', () => say(`${url} finish`));
      req.resume();
      res.end('a');
      break;
    case '/late':
      say(`${url} complete=${req.complete}`);
      res.end('b');
      setTimeout(() => {
        say(`${url} later complete=${req.complete} ended=${req.readableEnded}`);
        req.on('end', () => say(`${url} end`));
        req.on('close', () => say(`${url} close`));
        req.resume();
      }, 20);
      break;
    case '/readable':
      setTimeout(() => {
        req.on('readable', () => say(`${url} readable read=${req.read()}`));
        req.on('end', () => { say(`${url} end`); res.end('c'); });
      }, 20);
      break;
    case '/iterate':
      (async () => {
        let n = 0;
        for await (const chunk of req) n += chunk.length;
        say(`${url} iterated ${n} bytes`);
        res.end('d');
      })();
      break;
    case '/state':
      say(`${url} ${req instanceof Readable} ${typeof req._readableState} ` +
          `${req._readableState.ended} ${req.readableFlowing} ${req.listenerCount('end')}`);
      setImmediate(() => {
        say(`${url} then ended=${req._readableState.ended} endEmitted=${req._readableState.endEmitted}`);
        res.end('e');
      });
      break;
    case '/proto':
      Object.setPrototypeOf(req, proto);
      say(`${url} ${req.hello()} ${req instanceof http.IncomingMessage}`);
      req.on('end', () => { say(`${url} end`); res.end('f'); });
      req.resume();
      break;
    default:
      res.end('g');
      setTimeout(() => say(`${url} untouched complete=${req.complete} destroyed=${req.destroyed}`), 20);
  }
});

function get(port, path) {
  return new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => setTimeout(() => resolve(body), 60));
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const path of ['/listen', '/late', '/readable', '/iterate', '/state', '/proto', '/none']) {
    const body = await get(port, path);
    say(`${path} -> ${body}`);
  }
  server.close();
  for (const line of log) console.log(line);
});
