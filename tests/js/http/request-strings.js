// The strings a request's head arrives as (url, rawHeaders, headers, trailers) over
// one keep-alive connection: the same fields again, the same bytes in another
// case, Latin-1 bytes, values past the parser's string table's 128 bytes, and
// more distinct values than the table holds, then the first request again.
const http = require('http');
const net = require('net');

const seen = [];
const srv = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    seen.push({ url: req.url, raw: req.rawHeaders, headers: req.headers, trailers: req.rawTrailers, body });
    res.end('ok');
  });
});

const long = 'v'.repeat(200);
const many = [];
for (let i = 0; i < 600; i++) many.push(`X-${i}: value-${i}`);
const requests = [
  'GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: test/1\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: test/1\r\n\r\n',
  'GET /a?b=1 HTTP/1.1\r\nhost: localhost:8080\r\nUSER-AGENT: test/1\r\n\r\n',
  'GET /cafe HTTP/1.1\r\nHost: localhost:8080\r\nX-L: caf\xe9 \xff\r\n\r\n',
  'GET /cafe HTTP/1.1\r\nHost: localhost:8080\r\nX-L: caf\xe9 \xff\r\n\r\n',
  `GET /${long} HTTP/1.1\r\nHost: localhost:8080\r\nX-Long: ${long}\r\n\r\n`,
  `GET /${long} HTTP/1.1\r\nHost: localhost:8080\r\nX-Long: ${long}\r\n\r\n`,
  `GET /many HTTP/1.1\r\nHost: localhost:8080\r\n${many.slice(0, 90).join('\r\n')}\r\n\r\n`,
  `GET /many HTTP/1.1\r\nHost: localhost:8080\r\n${many.slice(90, 180).join('\r\n')}\r\n\r\n`,
  `GET /many HTTP/1.1\r\nHost: localhost:8080\r\n${many.slice(180, 270).join('\r\n')}\r\n\r\n`,
  'POST /up HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '3\r\nabc\r\n0\r\nX-T: one\r\nx-t: one\r\n\r\n',
  'POST /up HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '3\r\nabc\r\n0\r\nX-T: one\r\nx-t: two\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: test/1\r\nConnection: close\r\n\r\n',
];

srv.listen(0, '127.0.0.1', () => {
  const sock = net.connect(srv.address().port, '127.0.0.1', () => {
    sock.write(Buffer.from(requests.join(''), 'latin1'));
  });
  sock.resume();
  sock.on('end', () => {
    srv.close();
    for (let i = 0; i < seen.length; i++) {
      const s = seen[i];
      if (s.url === '/many') {
        // Every value matches its own name.
        let ok = 0;
        for (let j = 0; j < s.raw.length; j += 2) {
          const n = s.raw[j].slice(2);
          if (s.raw[j + 1] === `value-${n}` && s.headers[s.raw[j].toLowerCase()] === `value-${n}`) ok++;
        }
        console.log(i, s.url, s.raw.length / 2, 'fields,', ok, 'matching');
        continue;
      }
      console.log(i, JSON.stringify(s.url), JSON.stringify(s.raw), JSON.stringify(s.headers),
                  JSON.stringify(s.trailers), JSON.stringify(s.body));
    }
  });
});
