// stream.pipeline between node streams and web streams: a node source into a web
// WritableStream is read as an async iterable (what is buffered when the writer is
// ready goes as one chunk), a web ReadableStream source is pumped into node
// streams the same way, and an error in the web destination fails the pipeline.
const { pipeline, Readable, Transform } = require('stream');

function collect(values) {
  return new WritableStream({ write(chunk) { values.push(String(chunk)); } });
}

const steps = [
  (done) => {
    const values = [];
    const r = new Readable({ read() {} });
    pipeline(r, collect(values), (err) => { console.log('node -> web', err ?? null, values); done(); });
    r.push('hello');
    r.push('world');
    r.push(null);
  },
  (done) => {
    const values = [];
    let c;
    const rs = new ReadableStream({ start(controller) { c = controller; } });
    const upper = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
    pipeline(rs, upper, collect(values), (err) => { console.log('web -> node -> web', err ?? null, values); done(); });
    c.enqueue('hello');
    c.enqueue('world');
    c.close();
  },
  (done) => {
    const ws = new WritableStream({ write() { throw new Error('kaboom'); } });
    pipeline(Readable.from(['a', 'b']), ws, (err) => { console.log('web destination fails:', err?.message); done(); });
  },
];
(function next(i) { if (i < steps.length) steps[i](() => next(i + 1)); })(0);
