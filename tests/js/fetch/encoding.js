// fetch decodes gzip, x-gzip, deflate, br and stacked codings ("deflate, gzip")
// with zlib, keeps Content-Encoding in the headers, leaves an unknown coding
// as sent, and reads a body through the web stream and through text() alike.
// Also data: URLs (base64, percent-encoded, no MIME type, invalid base64).
const http = require('http');
const zlib = require('zlib');

const text = 'compressible text '.repeat(2000);
const encoders = {
  gzip: (b) => zlib.gzipSync(b),
  'x-gzip': (b) => zlib.gzipSync(b),
  deflate: (b) => zlib.deflateSync(b),
  br: (b) => zlib.brotliCompressSync(b),
  'deflate, gzip': (b) => zlib.gzipSync(zlib.deflateSync(b)),
  identity: (b) => b,
  unknown: (b) => b,
};

const server = http.createServer((req, res) => {
  const coding = decodeURIComponent(req.url.slice(1));
  const body = encoders[coding](Buffer.from(text));
  res.writeHead(200, { 'content-encoding': coding, 'content-length': body.length });
  res.end(body);
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const coding of Object.keys(encoders)) {
    const res = await fetch(`${base}/${encodeURIComponent(coding)}`);
    const body = await res.text();
    console.log(coding, res.headers.get('content-encoding'), body === text, body.length);
  }
  const streamed = await fetch(`${base}/gzip`);
  let length = 0;
  for await (const chunk of streamed.body) length += chunk.length;
  console.log('streamed gzip', length);

  for (const url of [
    'data:text/plain;base64,aGVsbG8=',
    'data:,a%20b%2Cc',
    'data:text/html;charset=utf-8,%3Cp%3E',
    'data:;base64,AAE=',
    'data:text/plain;base64,!!!',
  ]) {
    try {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      console.log(res.status, res.statusText, res.headers.get('content-type'), res.url === url, [...bytes].join(','));
    } catch (err) {
      console.log(err.name, err.message);
    }
  }
  server.close();
});
