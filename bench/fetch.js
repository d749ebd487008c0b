// fetch client cost against a local HTTP server (bench/fetch.py starts one on
// another core): N sequential fetches (await text() each), N fetches with C in
// flight, and the same N sequential requests through http.get on a keep-alive
// Agent, the layer coil's fetch is built on, and the floor: the same requests
// written on one raw socket with no HTTP parsing. Prints `case=NAME ms=N` per case.
// `fetch.js PORT [N] [C]`.
const http = require('http');
const net = require('net');

const port = Number(process.argv[2]);
const n = Number(process.argv[3] || 2000);
const c = Number(process.argv[4] || 32);
const url = `http://127.0.0.1:${port}/`;
const agent = new http.Agent({ keepAlive: true });

function httpGet() {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

// The floor under any client: one kept-alive socket, a fixed request written,
// the response taken as complete once its head and 5-byte body are in.
function rawSequential(count) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
    let pending = '';
    let left = count;
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => {
      pending += d;
      const head = pending.indexOf('\r\n\r\n');
      if (head === -1 || pending.length < head + 4 + 5) return;
      pending = pending.slice(head + 9);
      if (--left === 0) {
        socket.destroy();
        resolve();
      } else {
        socket.write(request);
      }
    });
  });
}

async function time(name, fn) {
  const t = performance.now();
  await fn();
  console.log(`case=${name} ms=${(performance.now() - t).toFixed(1)}`);
}

async function main() {
  // Warm up both paths (JIT, a connection in the pool).
  for (let i = 0; i < 200; i++) {
    await (await fetch(url)).text();
    await httpGet();
  }
  await time('fetch-sequential', async () => {
    for (let i = 0; i < n; i++) await (await fetch(url)).text();
  });
  await time(`fetch-concurrent-${c}`, async () => {
    let next = 0;
    const worker = async () => {
      while (next++ < n) await (await fetch(url)).text();
    };
    await Promise.all(Array.from({ length: c }, worker));
  });
  await time('http-get-sequential', async () => {
    for (let i = 0; i < n; i++) await httpGet();
  });
  await time('raw-socket-sequential', () => rawSequential(n));
  agent.destroy();
}

main();
