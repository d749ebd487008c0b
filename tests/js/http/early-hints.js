// res.writeEarlyHints as node 20: a 103 is sent only with a `link` hint (a
// string or a list, joined with ', ' into one Link field, each checked against
// `<uri>; param=value` form), the other hints after it; without a link, or with
// an empty list, nothing is sent and the callback is not called. A client sees
// each 103 as 'information'.
const http = require('http');

const tryit = (f) => {
  try {
    return String(f());
  } catch (e) {
    return `${e.name} ${e.code}: ${e.message}`;
  }
};

const srv = http.createServer((req, res) => {
  const out = [];
  out.push(tryit(() => res.writeEarlyHints({
    'link': ['</a.css>; rel=preload; as=style', '</b.js>; rel=preload; as=script'],
    'x-foo': 'bar',
  }, () => console.log('callback 1'))));
  out.push(tryit(() => res.writeEarlyHints({ 'x-foo': 'no link' }, () => console.log('callback never'))));
  out.push(tryit(() => res.writeEarlyHints({ link: [] }, () => console.log('callback never'))));
  out.push(tryit(() => res.writeEarlyHints({ link: '</c.png>; rel="preload"; as=image' }, () => console.log('callback 2'))));
  out.push(tryit(() => res.writeEarlyHints({ link: 'not a link' })));
  out.push(tryit(() => res.writeEarlyHints({ link: ['</d>; rel=preload', 'bad'] })));
  out.push(tryit(() => res.writeEarlyHints({ link: 5 })));
  out.push(tryit(() => res.writeEarlyHints('</e>; rel=preload')));
  out.push(tryit(() => res.writeEarlyHints({ link: '</f>; rel=a b' })));
  console.log(out.join('\n'));
  res.end('done');
});

srv.listen(0, '127.0.0.1', () => {
  const req = http.get({ port: srv.address().port, host: '127.0.0.1', agent: false }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log(`response ${res.statusCode} ${body}`);
      srv.close();
    });
  });
  req.on('information', (info) => {
    console.log(`information ${info.statusCode} ${info.statusMessage} ${JSON.stringify(info.headers)}`);
  });
});
