// A query string is parsed on first use, and get() on a fresh URLSearchParams
// scans the string for the one name: each answer must match what the parsed list
// gives (first pair wins, escaped names decode, lone surrogates are U+FFFD,
// a URL's search change is seen, a mutation after get() is kept).
'use strict';
const esc = (s) => (s === null ? null : s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
const fresh = (q, name) => esc(new URLSearchParams(q).get(name));
const parsed = (q, name) => { const p = new URLSearchParams(q); void p.size; return esc(p.get(name)); };
const cases = [
  ['a=1&b=2&c=%20x&d=hello+world', 'c'], ['a=1&b=2&c=%20x&d=hello+world', 'd'],
  ['a=1&b=2', 'zz'], ['?a=1', 'a'], ['??a=1', '?a'], ['x=1&x=2', 'x'],
  ['%61=1&a=2', 'a'], ['a+b=1', 'a b'], ['a%2Bb=1', 'a+b'], ['flag&y=', 'flag'], ['flag&y=', 'y'],
  ['=e', ''], ['&&k=v&&', 'k'], ['k=a=b', 'k'], ['ab=1&a=2', 'a'], ['a=1&ab=2', 'ab'],
  ['%zz=%', '%zz'], ['p=%E2%98%83', 'p'], ['p=%ff', 'p'], ['p=%41%', 'p'],
  ['a=\ud800x&b=2', 'a'], ['a=\ud800x&b=2', 'b'], ['b=1&\ud800=2', '\ud800'], ['b=1&\ud800=2', '\ufffd'],
  [12, '12'], ['s=\ud83d\ude00', 's'], ['\ud83d\ude00=1', '\ud83d\ude00'], ['b=1&c=\udc00', 'b'], ['', 'a'],
];
for (const [q, name] of cases) {
  const a = fresh(q, name);
  const b = parsed(q, name);
  console.log([JSON.stringify(esc(String(q))), JSON.stringify(esc(name)), JSON.stringify(a), a === b ? 'same' : `DIFFERS ${b}`].join(' '));
}
// The name is converted once, before the query is looked at.
let calls = 0;
console.log(new URLSearchParams('n=1').get({ toString() { calls++; return 'n'; } }), calls);
// A name whose toString changes the same object: the change is what get() sees.
const m = new URLSearchParams('q=1');
console.log(m.get({ toString() { m.set('q', 'changed'); return 'q'; } }), m.toString());
// Mutations after a lazy get() act on the whole list.
const p = new URLSearchParams('a=1&b=2&a=3');
console.log(p.get('a'), p.getAll('a'), p.size);
p.delete('b');
p.append('c', '4');
console.log(p.toString(), p.get('b'), [...p.keys()]);
// A URL's searchParams follow its search, and write back.
const u = new URL('http://h/p?x=1&y=%41');
console.log(u.searchParams.get('y'), u.searchParams.get('x'));
u.search = '?z=9';
console.log(u.searchParams.get('z'), u.searchParams.get('x'), u.searchParams.size);
u.searchParams.set('w', 'a b');
console.log(u.href, u.searchParams.get('w'));
u.href = 'http://h/?k=v';
console.log(u.searchParams.get('k'), [...u.searchParams]);
// Copies and iteration of an unparsed object.
const c = new URLSearchParams(new URLSearchParams('m=1&n=2'));
console.log(c.get('n'), [...new URLSearchParams('i=1&j=2').values()], String(new URLSearchParams('t=a b')));
