// OutgoingMessage.prototype._renderHeaders(): the fields set so far as a plain
// { name as given: value } object; once the head is sent it throws
// ERR_HTTP_HEADERS_SENT.
const http = require('http');

const msg = new http.OutgoingMessage();
const empty = msg._renderHeaders();
console.log('none', JSON.stringify(empty), Object.getPrototypeOf(empty) === Object.prototype);
msg.setHeader('Host', 'nodejs.org');
msg.setHeader('X-List', ['a', 'b']);
msg.setHeader('content-type', 'text/plain');
msg.removeHeader('x-list');
msg.setHeader('X-List', 1);
console.log('set', JSON.stringify(msg._renderHeaders()));
msg._header = 'HTTP/1.1 200 OK\r\n\r\n';
try {
  msg._renderHeaders();
} catch (e) {
  console.log('sent', e.code, e.name, e.message);
}
console.log('enumerable', Object.keys(http.OutgoingMessage.prototype).includes('_renderHeaders'));
