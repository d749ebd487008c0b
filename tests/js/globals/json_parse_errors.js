// JSON.parse's SyntaxError messages are Node 20's (V8 11.3's wording), for each kind
// of fault, with the quoted context of a long text; what parses still parses, a
// reviver's own error passes through unchanged, and the text is converted once.
'use strict';
const texts = [
  '', ' ', 'x', '[object Object]', 'undefined', 'NaN', '{', '{"a"', '{"a" 1}', '{"a":',
  '{"a":1', '{"a":1,', '{"a":1,"b"1}', '{"a":1,"b" }', '{a:1}', '[1 2]', '[1,]', '[,]',
  '"abc', '"a\\x"', '"a\\u12"', '"a\u0001"', '"\\', '-', '1e', '1.', '01', '-01', '1 2',
  'tru', 'tRue', 't1', 't"', '{"a":tru}', 'a'.repeat(50),
  '[1,1,1,1,1,1,1,1,1,1,1,1,1,x,1,1,1,1,1,1,1,1,1,1,1,1,1,1]',
  '[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,x,1,1]', '[         x                    ',
];
for (const text of texts) {
  try {
    JSON.parse(text);
    console.log(JSON.stringify(text), 'parsed');
  } catch (err) {
    console.log(JSON.stringify(text), err.name, err.message, err.stack.split('\n')[0] === `SyntaxError: ${err.message}`);
  }
}
console.log(JSON.parse('{"a":[1,{"b":null}],"c":"\\u00e9"}', (k, v) => (k === 'b' ? 2 : v)));
try {
  JSON.parse('[1]', () => { throw new SyntaxError('from the reviver'); });
} catch (err) {
  console.log(err.message);
}
let conversions = 0;
try {
  JSON.parse({ toString() { conversions++; return '{"x":'; } });
} catch (err) {
  console.log(err.message, conversions);
}
try {
  JSON.parse(Symbol('s'));
} catch (err) {
  console.log(err.name, err.message);
}
console.log(JSON.parse.name, JSON.parse.length, Object.keys(JSON).length);
