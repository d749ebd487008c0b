'use strict';
// readable-stream v4 (userland streams, with npm buffer/events/process/abort-controller/
// string_decoder deps) driven through Transform pipelines, pipeline(), finished(),
// async iteration, object mode and backpressure.
const { Readable, Writable, Transform, PassThrough, Duplex, pipeline, finished } = require('readable-stream');
const { promisify } = require('util');
const log = (...a) => console.log(...a);

class Upper extends Transform {
  _transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); }
}
function splitLines() {
  let rest = '';
  return new Transform({
    readableObjectMode: true,
    transform(chunk, enc, cb) {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop();
      for (const p of parts) this.push(p);
      cb();
    },
    flush(cb) { if (rest) this.push(rest); cb(); },
  });
}
function collector(name, done) {
  const items = [];
  return new Writable({
    objectMode: true,
    write(chunk, enc, cb) { items.push(typeof chunk === 'string' ? chunk : chunk.toString()); cb(); },
    final(cb) { log(name, 'final', JSON.stringify(items)); cb(); if (done) done(items); },
  });
}

async function main() {
  // 1. pipeline of Readable.from -> Upper -> splitLines -> collector
  await promisify(pipeline)(
    Readable.from(['alpha\nbe', 'ta\ngam', 'ma\n', 'delta'], { objectMode: false }),
    new Upper(),
    splitLines(),
    collector('pipeline1'),
  );
  log('pipeline1 done');

  // 2. error propagation through pipeline
  await new Promise((resolve) => {
    pipeline(
      new Readable({ read() { this.push('x'); this.destroy(new Error('boom')); } }),
      new PassThrough(),
      collector('never'),
      (err) => { log('pipeline2 error', err && err.message); resolve(); },
    );
  });

  // 3. async iteration and encodings
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  r.push(Buffer.from([0xe2, 0x82])); r.push(Buffer.from([0xac, 0x21])); r.push('ok'); r.push(null);
  const got = [];
  for await (const chunk of r) got.push(chunk);
  log('async iter', JSON.stringify(got.join('')), r.readableEnded, r.destroyed);

  // 4. object mode map/filter helpers if present, else manual
  const nums = Readable.from([1, 2, 3, 4, 5, 6]);
  const mapped = typeof nums.map === 'function' ? await nums.filter((n) => n % 2).map((n) => n * 10).toArray() : 'no helpers';
  log('operators', JSON.stringify(mapped));

  // 5. backpressure: highWaterMark 2 writable, count 'drain' events
  await new Promise((resolve) => {
    let drains = 0; const seen = [];
    const w = new Writable({
      highWaterMark: 2, objectMode: true,
      write(chunk, enc, cb) { seen.push(chunk); setImmediate(cb); },
    });
    w.on('drain', () => { drains++; });
    let i = 0;
    const writeMore = () => {
      while (i < 6) { const ok = w.write(i++); if (!ok) { w.once('drain', writeMore); return; } }
      w.end();
    };
    finished(w, (err) => { log('backpressure', err || 'ok', seen.join(','), 'drains', drains, w.writableFinished); resolve(); });
    writeMore();
  });

  // 6. Duplex and events order
  await new Promise((resolve) => {
    const events = [];
    const d = new Duplex({
      read() {},
      write(chunk, enc, cb) { this.push('echo:' + chunk); cb(); },
      final(cb) { this.push(null); cb(); },
    });
    d.setEncoding('utf8');
    d.on('data', (c) => events.push(c));
    d.on('finish', () => events.push('finish'));
    d.on('end', () => events.push('end'));
    d.on('close', () => { events.push('close'); log('duplex', events.join(' ')); resolve(); });
    d.write('a'); d.write('b'); d.end('c');
  });

  // 7. readable.read(n) in paused mode with 'readable' events
  await new Promise((resolve) => {
    const rr = new Readable({ read() {} });
    const out = [];
    rr.on('readable', () => { let c; while ((c = rr.read(3)) !== null) out.push(c.toString()); });
    rr.on('end', () => { log('read(3)', JSON.stringify(out)); resolve(); });
    rr.push('abcdefgh'); rr.push('ij'); rr.push(null);
  });

  // 8. destroy with error and finished()
  await new Promise((resolve) => {
    const p = new PassThrough();
    finished(p, (err) => { log('finished err', err && err.message, p.destroyed); resolve(); });
    p.destroy(new Error('kaput'));
  });
  log('all done', typeof Readable.prototype.pipe, new PassThrough() instanceof Duplex);
}
main().catch((e) => { log('main error', e); });
