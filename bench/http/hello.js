// The HTTP hello server of bench/http, one file for coil, node, bun and deno (deno
// reads it as CommonJS through package.json beside it). `hello.js PORT`.
const http = require('http');

http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello');
}).listen(Number(process.argv[2]));
