// The HTTPS hello server of bench/https (bench/http's hello over TLS), for coil
// and node. `hello.js PORT`; HTTPS_KEY and HTTPS_CERT name the PEM files.
const https = require('https');
const fs = require('fs');

https.createServer({
  key: fs.readFileSync(process.env.HTTPS_KEY),
  cert: fs.readFileSync(process.env.HTTPS_CERT),
}, (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello');
}).listen(Number(process.argv[2]));
