// URL through the native parser: getters sliced from href + offsets, setters
// re-parsed natively, the base cache, url.format options, searchParams sync.
const url = require('url');
const parts = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host,
  u.hostname, u.port, u.pathname, u.search, u.hash].join(' | ');

for (const [s, b] of [
  ['https://user:pass@example.com:8080/a/b?x=1#f', undefined],
  ['https://:pw@h/', undefined],
  ['https://only@h:1/', undefined],
  ['?q', 'http://h/p'],
  ['#', 'http://h/p?'],
  ['x', 'http://other/dir/'],
  ['x', 'http://h/dir/'],
  ['//ünicode.example/p', 'https://h/'],
  ['blob:https://a.example:8443/uuid', undefined],
  ['blob:file:///x', undefined],
  ['mailto:a@b', undefined],
  ['file:///C:/x/../y', undefined],
  ['http://[::1]:80/', undefined],
  ['http://0x7f.1/', undefined],
]) {
  console.log(parts(new URL(s, b)));
}

// A bad base after a good one (and back) must not reuse the cached parse.
for (const b of ['http://good/', 'not a base', 'http://good/']) {
  try { console.log(new URL('p', b).href); } catch (e) { console.log(e.code, e.input, e.base); }
}
console.log(URL.canParse('p', 'http://x/'), URL.canParse('p', 'nope'), URL.canParse('http://x'), URL.canParse('::'));

const u = new URL('http://u:p@h:81/path?a=1#h');
const sp = u.searchParams;
for (const [k, v] of [['protocol', 'https'], ['username', 'n@me'], ['password', ''], ['port', '443'],
  ['port', '12abc'], ['host', 'new.example:9'], ['hostname', '[::2]'], ['pathname', '/a b/../c'],
  ['search', '?b=2&c=%'], ['hash', 'frag ment'], ['hash', ''], ['search', ''], ['protocol', 'file']]) {
  u[k] = v;
  console.log(k, JSON.stringify(v), '=>', parts(u), '| params', sp.toString());
}
sp.append('z', 'a b&c');
console.log(u.href, u.search);
sp.delete('z');
console.log(u.href, JSON.stringify(u.search));
try { u.href = 'not a url'; } catch (e) { console.log(e.code, e.input); }
u.href = 'http://x/?k=v';
console.log(sp.get('k'), [...sp].length);

const f = new URL('https://us:pw@xn--nxasmq6b.example/p?q=1#h');
console.log(url.format(f), url.format(f, { auth: false, search: false, fragment: false, unicode: true }));
console.log(url.format(new URL('http://[::1]:8/x#y'), { unicode: true, fragment: false }));
