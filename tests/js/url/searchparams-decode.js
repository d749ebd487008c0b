// URLSearchParams parsing and lookup: '+' runs, valid and stray escapes, lone
// surrogates in the input and in get()'s name (both become U+FFFD).
const show = (p) => JSON.stringify([...p]);
const p = new URLSearchParams('a+b=c+d+&%zz=%41%2&x=\ud800&e=%F0%9F%98%80+&++=+&&=&=v&k');
console.log(show(p), p.size);
console.log(p.get('a b'), p.get('\ud800'), p.get('\ufffd'), p.get('x'), p.get('  '), p.get(''), p.get('k'), p.get('nope'));
console.log(show(new URLSearchParams('?q=%E2%98%83%20+x')), show(new URLSearchParams('q=%E2%98')), show(new URLSearchParams('\udc00=1')));
// Escapes decoded to ASCII directly, and the ones that are UTF-8 bytes, stray or cut short.
for (const q of ['a=%41%62%7e%7E', 'a=%41%e2%98%83', 'a=%80', 'a=%%41', 'a=%4', 'a=x%2', 'a=%zz%20é', 'a=%20%2B%26%3D+']) {
  console.log(JSON.stringify(q), JSON.stringify(new URLSearchParams(q).get('a')));
}
