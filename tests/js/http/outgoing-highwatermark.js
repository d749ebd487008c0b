// An OutgoingMessage's writableHighWaterMark: its socket's once it has one (the
// server's highWaterMark option), before that the streams' default, which
// stream.setDefaultHighWaterMark changes; writes buffered before a socket report
// backpressure against it.
const http = require('http');
const stream = require('stream');

const msg = new http.OutgoingMessage();
console.log('default', msg.writableHighWaterMark === stream.getDefaultHighWaterMark(false));
stream.setDefaultHighWaterMark(false, 1000);
const small = new http.OutgoingMessage();
small._implicitHeader = function() {};
console.log('after setDefaultHighWaterMark', small.writableHighWaterMark);
let writes = 1;
while (small.write('x'.repeat(100))) writes++;
console.log('write() false after', writes, 'writes, buffered', small.outputSize);
stream.setDefaultHighWaterMark(false, 16384);

const server = http.createServer({ highWaterMark: 4096 }, (req, res) => {
  console.log('server response', res.writableHighWaterMark, 'request', req.readableHighWaterMark);
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    res.resume().on('end', () => server.close());
  });
});
