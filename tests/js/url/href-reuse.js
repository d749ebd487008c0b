// An href equal to the input is handed back as the input string itself; every
// other href (normalised, relative, non-ASCII, after a setter) must still be the
// serialisation, and the URL's parts must match it.
'use strict';
const cases = [
  ['https://user:pass@example.com:8080/a/b/c?x=1&y=2#frag'],
  ['HTTP://EXAMPLE.com/%7e?q'],
  ['http://[::1]:3000/'],
  ['/path/to/file.html?q=search', 'https://www.example.org/base/index.html'],
  ['../up/../x?z#h', 'http://a.b.c/d/e/f'],
  ['https://ex.com/ü?é#ß'],
  ['https://müller.de/'],
  ['http://example.com:80/'],
  ['file:///home/user/doc.txt'],
  ['  http://trim.me/  '],
  ['http://a.b/\ud800'],
];
for (const [s, base] of cases) {
  const u = new URL(s, base);
  console.log(u.href, u.protocol, u.host, u.pathname, u.search, u.hash, u.href === s);
}
const u = new URL('https://example.com/p?q#h');
u.pathname = '/p';
console.log(u.href);
u.search = '?r';
u.hash = '';
console.log(u.href, u.search, u.hash, u.pathname);
u.href = 'http://other.example/x';
console.log(u.href, u.host);
try { new URL('nope'); } catch (e) { console.log(e.code); }
try { new URL('x', 'nope'); } catch (e) { console.log(e.code); }
console.log(URL.canParse('http://a/'), URL.canParse('b', 'http://a/'), URL.canParse('b'));
console.log(new URL(new String('http://boxed.example/')).href);
