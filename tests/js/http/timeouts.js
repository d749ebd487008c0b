// headersTimeout: a head that does not finish in time gets 408 and the
// connection closes; requestTimeout does the same for a body that stalls; a
// client that ends its side in the middle of a body gets 400 and the handler's
// request is aborted.
const http = require('http');
const { exchange, show, listen } = require('./fixtures/wire');

async function main() {
  const events = [];
  const server = http.createServer({
    headersTimeout: 300, requestTimeout: 600, connectionsCheckingInterval: 100,
  }, (req, res) => {
    req.on('aborted', () => events.push(`aborted ${req.url}`));
    req.on('error', (e) => events.push(`error ${req.url} ${e.code} ${e.message}`));
    req.resume();
    req.on('end', () => res.end('done'));
  });
  const port = await listen(server);
  show('slow head', await exchange(port, 'GET / HTTP/1.1\r\nHost: h\r\n', 2000));
  show('slow body', await exchange(port, 'POST /slow HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc', 2000));
  show('served in time', await exchange(port, ['POST /ok HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab', 50, 'cd']));
  show('client ends mid-body', await exchange(port, ['POST /cut HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc', null]));
  await new Promise((r) => setTimeout(r, 50));
  server.close();
  console.log(events.join('\n'));
}
main();
