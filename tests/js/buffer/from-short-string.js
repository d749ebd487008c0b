// Buffer.from(short string): ASCII written straight into the pool, a non-ASCII
// character part-way falling back to UTF-8 without leaving stray bytes behind.
const a = Buffer.from('abc');
const b = Buffer.from('xyzé!');
const c = Buffer.from('12345678');
const d = Buffer.from('\ud800x');
console.log(a.toString('hex'), b.toString('hex'), c.toString('hex'), d.toString('hex'));
console.log(a.buffer === c.buffer, a.byteOffset % 8, c.byteOffset % 8, a.length, b.length);
const many = [];
for (let i = 0; i < 2000; i++) many.push(Buffer.from('k' + i));
console.log(many.every((x, i) => x.toString() === 'k' + i), Buffer.from('x'.repeat(63)).length, Buffer.from('').length);
