// The request object is a Readable built as Readable's constructor builds one:
// its state, its listener table, and a subclass's _construct (server option
// IncomingMessage) runs before the body is read.
const http = require('http');
const { Readable } = require('stream');
class Constructed extends http.IncomingMessage {
  _construct(cb) {
    console.log('construct ran');
    setTimeout(cb, 10);
  }
}
let n = 0;
function handler(req, res) {
  console.log('readable', req instanceof Readable, typeof req._readableState, req.readableHighWaterMark > 0);
  console.log('events', req.listenerCount('data'), req.readableFlowing, req.readableEnded);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('body', JSON.stringify(body), req.complete);
    res.end('ok');
  });
}
const plain = http.createServer(handler);
const custom = http.createServer({ IncomingMessage: Constructed }, handler);
function post(srv, done) {
  srv.listen(0, '127.0.0.1', () => {
    const req = http.request({ port: srv.address().port, host: '127.0.0.1', method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => srv.close(done));
    });
    req.end('hello body');
  });
}
post(plain, () => post(custom, () => console.log('done')));
