// Legacy url.parse / url.format / url.resolve / url.resolveObject with
// Node's quirks (lenient hosts, backslashes, auto-escaping, parsed queries).
'use strict';
const url = require('url');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
const show = (...args) => {
  try { console.log(JSON.stringify(args), JSON.stringify(url.parse(...args))); } catch (e) {
    console.log(JSON.stringify(args), 'threw', e.code, e.name, e.message, e.input);
  }
};
console.log(Object.keys(url), new url.Url());
for (const s of ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '/a?b', '/a', 'HTTP://A.com', 'http://a_b.com/',
  'http://a b.com/', 'http://a*b.com/x', 'http://ÉX.com/', 'http://[::1]:80/p', 'mailto:a@b.c', '//a/b', 'javascript:alert(1)',
  'http://a.com:/x', 'http://a%41.com/', 'http://a.com\\b\\c?d\\e', ' http://x.com/ ', 'http://x/a b<c>?q r#h s',
  'http://a.com#x?y', 'a.com/b', 'http://xn--iñvalid.com', 'http://a\tb/c\td', 'file:///etc/passwd', 'file:C:\\x',
  'http://x/{}|^`', 'HTTP://X.COM/Path', 'x:y', 'http://u:p@a@b/']) show(s);
show('http://a.com/p?a=1&a=2&b=%20', true);
show('//host/path?x', false, true);
show('http://a:b:c/');
show('http://x:y:z/'); // the deprecation warning comes once
try { url.parse(1); } catch (e) { console.log(e.code, e.message); }

console.log(url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }));
console.log(url.format({ auth: 'a b:c@d', host: 'h', protocol: 'http', pathname: 'p#?', search: 's#', hash: 'h' }));
console.log(url.format({ protocol: 'file', pathname: '/x' }), url.format({ protocol: 'mailto', host: 'a@b' }), url.format('http://A.com/x y'));
console.log(url.format({ hostname: '::1', port: 8 }), url.format({ protocol: 'http:', slashes: true, hostname: 'a:b' }));
const w = new URL('http://us:pw@xn--espaol-zwa.com:8080/p?q=1#h');
console.log(url.format(w), url.format(w, { auth: false, fragment: false, search: false, unicode: true }));
try { url.format(1); } catch (e) { console.log(e.code, e.message); }

for (const [a, b] of [['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'],
  ['http://a/b/c/d;p?q', '../../../g'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'], ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', 'g/./h/../i'], ['mailto:a@b', 'c@d'], ['mailto:local1@domain1', 'local2@domain2'], ['http://u@h/a', 'foo:x'],
  ['foo://u@h/a', 'foo:x/y'], ['http://h/a', 'https:b/c'], ['file:///a/b', '../../../x'], ['http://h', ''], ['http://h/a/', '.'],
  ['foo:a/b', '../c'], ['http://h/a?x', '?']]) {
  console.log(JSON.stringify([a, b]), url.resolve(a, b), JSON.stringify(url.resolveObject(a, b)));
}
