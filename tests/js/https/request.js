// An https client against an https server on 127.0.0.1: GETs through a keep-alive
// agent, a POST body echoed back,
// https.get with a URL string, a new connection that resumes the agent's cached
// TLS session, a server the client cannot verify (the request fails with the
// verify code), and one it is told not to verify.
const https = require('https');
const fs = require('fs');
const path = require('path');
const fx = (n) => fs.readFileSync(path.join(__dirname, '..', 'tls', 'fixtures', n));
const ca = fx('ca-cert.pem');

const server = https.createServer({ key: fx('server-key.pem'), cert: fx('server-cert.pem') }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('X-Encrypted', String(req.socket.encrypted));
    res.end(`${req.method} ${req.url} ${req.headers.host.replace(/:\d+$/, ':PORT')} alpn=${req.socket.alpnProtocol} body=${body}`);
  });
});

function fetch(label, options, body) {
  return new Promise((resolve) => {
    const req = https.request(options, (res) => {
      const socket = res.socket;
      const reused = socket.isSessionReused();
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log(`${label}: ${res.statusCode} encrypted=${res.headers['x-encrypted']} ${text}` +
          ` authorized=${socket.authorized}${options.agent === once ? ` sessionReused=${reused}` : ''}`);
        // The agent takes the socket back after 'end': the next request may reuse it.
        setImmediate(resolve);
      });
    });
    req.on('error', (err) => {
      console.log(`${label}: error ${err.code}`);
      resolve();
    });
    req.end(body);
  });
}

let once;
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const keepAlive = new https.Agent({ keepAlive: true, ca });
  await fetch('first', { port, host: '127.0.0.1', path: '/a', agent: keepAlive });
  await fetch('kept alive', { port, host: '127.0.0.1', path: '/b', agent: keepAlive });
  await fetch('post', { port, host: '127.0.0.1', method: 'POST', path: '/c', agent: keepAlive }, 'payload');
  keepAlive.destroy();

  once = new https.Agent({ ca, servername: 'localhost' });
  await fetch('new connection', { port, host: 'localhost', path: '/d', agent: once });
  await fetch('resumed session', { port, host: 'localhost', path: '/e', agent: once });

  await fetch('untrusted', { port, host: '127.0.0.1', path: '/f', agent: false });
  await fetch('not verified', { port, host: '127.0.0.1', path: '/g', agent: false, rejectUnauthorized: false });

  await new Promise((resolve) => {
    https.get(`https://localhost:${port}/h?q=1`, { ca }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => console.log(`get url: ${res.statusCode} ${d}`));
      res.on('end', resolve);
    });
  });
  https.globalAgent.destroy();
  server.close(() => console.log('server closed'));
});
