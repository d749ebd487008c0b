// ServerResponse's header table and its errors: setHeader/getHeader/getHeaders/
// getHeaderNames/getRawHeaderNames/hasHeader/removeHeader/appendHeader, what
// throws after the head is sent (ERR_HTTP_HEADERS_SENT), bad names and values
// (ERR_INVALID_HTTP_TOKEN, ERR_INVALID_CHAR, ERR_HTTP_INVALID_HEADER_VALUE), bad
// status codes, write after end; http.validateHeaderName/Value, METHODS,
// STATUS_CODES.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(`${label}: ok ${r === undefined ? '' : JSON.stringify(r)}`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} ${e.message}`);
  }
}

const server = http.createServer((req, res) => {
  attempt('setHeader returns res', () => res.setHeader('X-One', '1') === res);
  res.setHeader('X-Multi', ['a', 'b']);
  res.setHeader('Content-Type', 'text/plain');
  attempt('getHeader case-insensitive', () => res.getHeader('x-one'));
  attempt('getHeader missing', () => res.getHeader('nope'));
  attempt('getHeader number', () => res.getHeader(1));
  attempt('hasHeader', () => [res.hasHeader('X-ONE'), res.hasHeader('x-two')]);
  attempt('getHeaderNames', () => res.getHeaderNames());
  attempt('getRawHeaderNames', () => res.getRawHeaderNames());
  attempt('getHeaders', () => res.getHeaders());
  attempt('getHeaders prototype', () => Object.getPrototypeOf(res.getHeaders()));
  res.appendHeader('X-One', '2');
  res.appendHeader('X-New', 'n');
  attempt('appendHeader', () => [res.getHeader('x-one'), res.getHeader('x-new')]);
  res.setHeader('X-Gone', 'g');
  res.removeHeader('x-gone');
  attempt('removeHeader', () => res.hasHeader('X-Gone'));
  attempt('bad name', () => res.setHeader('Bad Name', 'v'));
  attempt('empty name', () => res.setHeader('', 'v'));
  attempt('bad value', () => res.setHeader('X-Bad', 'a\nb'));
  attempt('undefined value', () => res.setHeader('X-Undef', undefined));
  attempt('status 99', () => res.writeHead(99));
  attempt('status 1000', () => res.writeHead(1000));
  attempt('headersSent before', () => res.headersSent);
  res.writeHead(200, { 'X-Two': '2' });
  attempt('headersSent after', () => res.headersSent);
  attempt('setHeader after', () => res.setHeader('X-Late', '1'));
  attempt('removeHeader after', () => res.removeHeader('X-One'));
  attempt('appendHeader after', () => res.appendHeader('X-Late', '1'));
  attempt('writeHead again', () => res.writeHead(201));
  attempt('getHeader after', () => res.getHeader('x-two'));
  attempt('write bad chunk', () => res.write(42));
  res.end('body');
  res.on('error', (e) => console.log(`error event: ${e.code} ${e.message}`));
  res.write('more', (e) => console.log(`write callback: ${e && e.code}`));
});

attempt('validateHeaderName ok', () => http.validateHeaderName('X-Fine'));
attempt('validateHeaderName bad', () => http.validateHeaderName('X Fine'));
attempt('validateHeaderValue bad', () => http.validateHeaderValue('X', 'a\rb'));
attempt('validateHeaderValue undefined', () => http.validateHeaderValue('X', undefined));
console.log('METHODS', http.METHODS.length, http.METHODS.includes('GET'), http.METHODS.includes('QUERY'));
console.log('STATUS_CODES', JSON.stringify(http.STATUS_CODES));

listen(server).then(async (port) => {
  show('response', await exchange(port, 'GET / HTTP/1.1\r\nHost: h\r\n\r\n'));
  server.close();
});
