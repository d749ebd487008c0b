// Stream options are read as properties, so options inherited through the
// prototype (Object.create(proto), { __proto__: ... }) count as Node's do.
const { Readable, Writable, Duplex, Transform } = require('stream');

const base = { highWaterMark: 3, objectMode: true, encoding: 'hex', emitClose: false };
const r = new Readable({ __proto__: base, read() {} });
console.log('readable', r.readableHighWaterMark, r.readableObjectMode, r.readableEncoding);
const w = new Writable(Object.create({ highWaterMark: 5, decodeStrings: false, write(c, e, cb) { cb(); } }));
console.log('writable', w.writableHighWaterMark, w._writableState.decodeStrings);
const d = new Duplex(Object.create({ readableObjectMode: true, writableHighWaterMark: 7, allowHalfOpen: false }));
console.log('duplex', d.readableObjectMode, d.writableObjectMode, d.writableHighWaterMark, d.allowHalfOpen);
const t = new Transform(Object.create({
  transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
  encoding: 'utf8',
}));
t.on('data', (s) => console.log('transform', typeof s, s));
t.end('abc');
const rc = new Readable(Object.create({ read() { this.push('x'); this.push(null); }, encoding: 'utf8' }));
rc.on('data', (s) => console.log('read through inherited read()', s));
