// One Buffer passed as two arguments of a native call (source and target, haystack
// and needle): results are Node's, whatever the native side does with the views.
const b = Buffer.from('abcdefgh');
console.log(Buffer.compare(b, b), b.equals(b), b.indexOf(b), b.lastIndexOf(b));
const sub = b.subarray(2, 5);
console.log(b.indexOf(sub), b.compare(sub), sub.compare(b));
b.copy(b, 2, 0, 4);
console.log(b.toString());
b.fill(b.subarray(0, 2).toString());
console.log(b.toString());
const u = new Uint8Array(8);
const r = new TextEncoder().encodeInto('hé!', u);
console.log(r.read, r.written, [...u].join(','));
