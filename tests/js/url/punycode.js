// punycode: RFC 3492 encode/decode (the RFC's sample strings), toASCII/toUnicode
// with e-mail addresses and IDNA dot separators, the UCS-2 helpers, RangeErrors for
// malformed input, and no DEP0040 warning by default (Node 20 warns only under
// --pending-deprecation).
const assert = require('assert');
let warnings = 0;
process.on('warning', (w) => { if (w.code === 'DEP0040') warnings++; });
const punycode = require('punycode');
assert.strictEqual(require('node:punycode'), punycode);
console.log(Object.keys(punycode), punycode.version, Object.keys(punycode.ucs2));

// Samples from RFC 3492 section 7.1: (A) Arabic, (B) Chinese, (L) Japanese.
const samples = [
  ['\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F',
    'egbpdaj6bu4bxfgehfvwxn'],
  ['\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['3\u5E74B\u7D44\u91D1\u516B\u5148\u751F', '3B-ww4c5e180e575a65lsy2b'],
  ['mañana', 'maana-pta'],
  ['ümlaut', 'mlaut-jva'],
  ['abc', 'abc-'],
  ['', ''],
];
for (const [text, code] of samples) {
  assert.strictEqual(punycode.encode(text), code);
  assert.strictEqual(punycode.decode(code), text);
}
console.log(punycode.encode('\u{1F600}x'), punycode.decode(punycode.encode('\u{1F600}x')) === '\u{1F600}x');

console.log(punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'));
console.log(punycode.toASCII('jürgen@mañana.com'), punycode.toUnicode('jürgen@xn--maana-pta.com'));
console.log(punycode.toASCII('a\u3002ü\uFF0Eb\uFF61c'), punycode.toASCII('Ab.xn--X'));
console.log(punycode.toUnicode('XN--MAANA-PTA.Example'), punycode.toUnicode('plain.example'));

console.log(punycode.ucs2.decode('\uD834\uDF06a\uD800b\uDC00'));
console.log(punycode.ucs2.encode([0x1D306, 97, 0xD800]) === '\uD834\uDF06a\uD800');

for (const bad of ['\x81-', 'ab-\u00FF', '-', 'zz9999999999', 'a-!']) {
  try {
    console.log('ok', JSON.stringify(punycode.decode(bad)));
  } catch (e) {
    console.log(JSON.stringify(bad), e.constructor === RangeError, e.message);
  }
}

setImmediate(() => console.log('DEP0040 warnings:', warnings));
