// --max-http-header-size sets http.maxHeaderSize and the limit a server's parser
// applies when the server was given none (a longer head is a 431 clientError).
const { execFileSync } = require('child_process');
const http = require('http');

console.log('default', http.maxHeaderSize);
if (process.argv[2] === 'child') {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('clientError', (err, socket) => {
    console.log('clientError', err.code);
    socket.destroy();
  });
  server.listen(0, '127.0.0.1', async () => {
    const port = server.address().port;
    for (const len of [100, 400]) {
      await new Promise((resolve) => {
        http.get({ port, host: '127.0.0.1', headers: { 'x-pad': 'a'.repeat(len) } }, (res) => {
          console.log(len, 'status', res.statusCode);
          res.resume().on('end', resolve);
        }).on('error', (e) => { console.log(len, 'request error', e.code); resolve(); });
      });
    }
    server.close();
  });
} else {
  for (const flag of ['--max-http-header-size=300', '--max-http-header-size=20000']) {
    const out = execFileSync(process.execPath, [flag, '-p', 'http.maxHeaderSize']).toString().trim();
    console.log(flag, '->', out);
  }
  process.stdout.write(execFileSync(process.execPath, ['--max-http-header-size=300', __filename, 'child']));
}
