// A pipelined response written before its turn queues its writes on the message
// (outputData: data, encoding, callback) and sends them when the response before
// it ends; setters a program puts on Object.prototype for those names are not
// called, and the bytes come out in order.
const http = require('http');
const net = require('net');

const names = ['data', 'encoding', 'callback'];
function trap() {
  for (const name of names) {
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      set() { throw new Error(`setter ${name} called`); },
      get() { return undefined; },
    });
  }
}
function untrap() {
  for (const name of names) delete Object.prototype[name];
}

let first = null;
let n = 0;
const srv = http.createServer((req, res) => {
  res.sendDate = false;
  if (n++ === 0) {
    first = res;
    return;
  }
  res.setHeader('Content-Type', 'text/plain');
  trap();
  try {
    res.write('queued-', 'latin1', () => console.log('write callback'));
    res.end('second');
  } finally {
    untrap();
  }
  console.log('queued', res.outputData.length > 0);
  setTimeout(() => first.end('first'), 20);
});
srv.listen(0, '127.0.0.1', () => {
  const sock = net.connect(srv.address().port, '127.0.0.1', () => {
    sock.write('GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  const parts = [];
  sock.on('data', (d) => parts.push(d));
  sock.on('end', () => {
    console.log(JSON.stringify(Buffer.concat(parts).toString('latin1')));
    srv.close();
  });
});
