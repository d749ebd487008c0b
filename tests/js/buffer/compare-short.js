// Buffer compare/equals on short inputs (compared in JS) and long ones (native):
// prefixes, equal lengths, high bytes, Uint8Array arguments and sub-ranges.
const B = (s) => Buffer.from(s, 'latin1');
const pairs = [['', ''], ['', 'a'], ['a', ''], ['abc', 'abd'], ['abd', 'abc'], ['ab', 'abc'], ['abc', 'ab'],
  ['\xff', '\x00'], ['x'.repeat(64), 'x'.repeat(64)], ['x'.repeat(64), 'x'.repeat(65)], ['y'.repeat(70) + 'a', 'y'.repeat(70) + 'b'],
  ['x'.repeat(63) + '\x01', 'x'.repeat(64)]];
for (const [a, b] of pairs) {
  console.log(a.length, b.length, Buffer.compare(B(a), B(b)), B(a).compare(B(b)), B(a).equals(B(b)),
    B(a).compare(new Uint8Array(B(b))), Buffer.compare(new Uint8Array(B(a)), B(b)));
}
const s = B('hello world');
console.log(s.compare(B('xxworldxx'), 2, 7, 6), s.compare(B('hello'), 0, 5, 0, 5), s.compare(B('abc'), 0, 3, 0, 0));
