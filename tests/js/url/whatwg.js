// WHATWG URL: parsing (special schemes, hosts in every form, dot segments,
// percent-encoding, relative resolution, opaque paths), setters, origin,
// URL.canParse/parse, inspect output and errors.
'use strict';
const { inspect } = require('util');
const url = require('url');
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams);
const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function show(input, base) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify(input), base === undefined ? '' : JSON.stringify(base), '=>', JSON.stringify(props.map((p) => u[p])));
  } catch (e) {
    console.log(JSON.stringify(input), base === undefined ? '' : JSON.stringify(base), 'threw', e.code, e.name, e.message,
      JSON.stringify(e.input), JSON.stringify(e.base));
  }
}
for (const s of [
  'https://user:pa ss@EXAMPLE.com:443/a/../b?q=1 2#f g',
  'HTTP://example.COM:80/./a/%2e%2E/b/.%2e/c',
  '  \t http://a\nb.com/x\ty  ',
  'http://127.0.0.1', 'http://0x7f.1', 'http://0177.0.0.1', 'http://4294967295', 'http://4294967296', 'http://1.2.3.4.5',
  'http://09.1', 'http://1.2.3.4.', 'http://[::1]:8080/', 'http://[1:0:0:2::3:0]', 'http://[::ffff:192.168.0.1]', 'http://[1:2:3]',
  'http://ñ.example/', 'http://ÉCOLE.fr', 'http://xn--nxasmq6b.com', 'http://%41.com', 'http://a b', 'http://a%zzb', 'http://',
  'http:example.com', 'http:/example.com', 'http:\\\\example.com\\a\\b', 'ws://h:80', 'wss://h:443', 'ftp://h:21/', 'ftp://h:22',
  'file:///C:/a/../..', 'file://localhost/etc/x', 'file://host/share', 'file:c:\\x', 'file:/a/b', 'file:',
  'mailto:someone@example.com', 'javascript:alert(1)', 'foo://h/..', 'foo://h/a/..', 'foo:/.//x', 'sc:a b?c d#e f',
  'blob:https://example.org/uuid', 'data:text/plain,hi', 'http://a/{}`^|\'"<>', "https://h/?a'b\"c`d", 'foo://h/?a\'b',
  'http://u^:p|@a/', 'http://a/😀?😀#😀', 'http://a/\ud800', 'nope', '', 'http://a:99999', 'http://a:8a', 'https://a:443',
]) show(s);
for (const [i, b] of [['../x', 'http://h/a/b/c'], ['?q', 'http://h/a?old#f'], ['#frag', 'http://h/a?q'], ['//other/p', 'https://h/x'],
  ['/abs', 'file:///C:/dir/f'], ['x', 'file:///C:/'], ['C|/y', 'file:///D:/z'], ['..', 'foo://h/a/b'], ['#f', 'mailto:x'],
  ['x', 'mailto:x'], ['', 'http://h/p?q#f'], ['http:rel', 'http://h/a/b'], ['x', 'not a url']]) show(i, b);

const u = new URL('http://user:pw@h.com:81/p?a=1#x');
const sets = [['protocol', 'https'], ['protocol', 'foo'], ['protocol', 'ws:'], ['username', 'new user'], ['password', 'p@ss'],
  ['host', 'example.org:99'], ['host', 'b:99999'], ['hostname', 'c:5'], ['hostname', '[::1]'], ['port', '8080'], ['port', '443'],
  ['port', 'x'], ['port', '12ab'], ['port', ''], ['pathname', '/a b/../c'], ['search', '?x=1 2'], ['search', ''],
  ['hash', 'h h'], ['hash', ''], ['href', 'https://fresh.example/'], ['protocol', 'file']];
for (const [k, v] of sets) {
  u[k] = v;
  console.log('set', k, JSON.stringify(v), '=>', u.href);
}
try { u.href = 'not a url'; } catch (e) { console.log('href setter', e.code, e.message, e.input); }
const f = new URL('file:///tmp/x');
f.host = 'h'; f.port = '1'; f.username = 'u';
console.log(f.href);
const opaque = new URL('foo:bar baz ?q');
opaque.search = '';
console.log(JSON.stringify(opaque.href), opaque.pathname);

console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://b/'), URL.canParse('x', 'bad'));
console.log(URL.parse('http://x/y').href, URL.parse('nope'), URL.parse('/p', 'https://b').href);
try { new URL(); } catch (e) { console.log(e.code, e.message); }
try { URL.canParse(); } catch (e) { console.log(e.code, e.message); }
try { Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}); } catch (e) { console.log(e.name, e.message); }
console.log(Object.getOwnPropertyNames(URL.prototype), Object.keys(new URL('http://a')));
console.log(String(new URL('http://a/b')), JSON.stringify({ u: new URL('http://a/b') }), Object.prototype.toString.call(new URL('http://a')));
console.log(new URL('https://user:pa ss@EXAMPLE.com:8443/b?q=1 2#f g'));
console.log(inspect({ nested: new URL('http://a') }, { depth: 0 }));
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com') === '', url.domainToUnicode('xn--espaol-zwa.com'),
  url.domainToASCII('EXAMPLE.com'), url.domainToASCII(1));
try { url.domainToASCII(); } catch (e) { console.log(e.code, e.message); }
