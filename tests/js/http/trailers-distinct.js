// Trailers with list values, as node 20: one line per value, or one joined with
// '; ' for a field among the message's uniqueHeaders (a field also set as a
// header is not joined for that); and the prototypes of headersDistinct and
// trailersDistinct (null) beside headers and trailers (Object.prototype).
const http = require('http');

const protos = (m, what) => {
  const p = (o) => (Object.getPrototypeOf(o) === null ? 'null' : 'Object');
  console.log(`${what}: headers ${p(m.headers)}, headersDistinct ${p(m.headersDistinct)}, ` +
              `trailers ${p(m.trailers)}, trailersDistinct ${p(m.trailersDistinct)}`);
};

const srv = http.createServer({ uniqueHeaders: ['X-T'] }, (req, res) => {
  req.resume();
  req.on('end', () => {
    console.log(`server got trailers ${JSON.stringify(req.rawTrailers)}`);
    console.log(`  distinct ${JSON.stringify(req.trailersDistinct)}`);
    protos(req, 'request');
    res.setHeader('x-u', 'set');
    res.setHeader('Trailer', 'x-t, x-u, x-v');
    res.addTrailers({ 'x-t': ['1', '2'], 'x-u': ['3', '4'], 'x-v': ['5'] });
    res.write('body');
    res.end();
  });
});

srv.listen(0, '127.0.0.1', () => {
  const req = http.request({
    port: srv.address().port, host: '127.0.0.1', method: 'POST', agent: false,
    uniqueHeaders: ['x-r'], headers: { 'transfer-encoding': 'chunked', 'trailer': 'x-r, x-s' },
  }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log(`client got trailers ${JSON.stringify(res.rawTrailers)}`);
      console.log(`  joined ${JSON.stringify(res.trailers)}`);
      protos(res, 'response');
      srv.close();
    });
  });
  req.addTrailers({ 'x-r': ['a', 'b'], 'x-s': ['c', 'd'] });
  req.write('data');
  req.end();
});
