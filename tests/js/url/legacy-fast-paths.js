// url.parse/url.format give Node's answers where coil scans characters instead of
// using regexps: ports (empty, digits only, ':' inside the host), tabs and newlines
// before the path, IDNA names (ASCII upper case, punycode labels, non-ASCII),
// auth characters needing escapes (surrogate pairs too), '#' and '?' inside
// pathname and search, protocols that get '//' or not, and a replaced Url.prototype.format seen by parse.
'use strict';
process.noDeprecation = true; // the ':80a' host's DEP0170 warning names the runtime
const url = require('url');
const inputs = [
  'http://user@example.com:8080/p/a/t/h?query=string&x=1#hash',
  'http://EXAMPLE.com:/x', 'http://example.com:80a/x', 'http://a.com:12:34/x',
  'http://ex\tam\nple.com/p\tq', 'http://\r\nhost/', 'https://xn--nxasmq6b.com/',
  'http://BÜCHER.de/', 'http://[::1]:3000/a', 'http://a@b@c.com/', 'http://us er:p@ss@h/',
  'http://a.com?x=1', 'http://a.com#f?g', 'mailto:x@y.z', 'javascript:alert(1)', '//a/b',
  'http://a.com/%zz?%', 'HTTP://A.COM:0000/',
];
for (const s of inputs) {
  const u = url.parse(s, true);
  console.log(JSON.stringify(s), u.host, u.port, u.hostname, u.pathname, u.search, u.href);
}
const objects = [
  { protocol: 'http', host: 'a.com', pathname: '/x#y?z', search: '?q#r', hash: 'h' },
  { protocol: 'http:', hostname: 'a.com', port: 81, auth: 'us er:p@ss\uD83D\uDE00', pathname: 'p' },
  { protocol: 'https', hostname: 'h', query: { a: '1', b: ['2', '3'] } },
  { protocol: 'file', pathname: '/tmp/x' },
  // Only a '?' in the pathname, a '?' in search (kept), protocols with and without '//'.
  { protocol: 'http', host: 'a.com', pathname: '/x?y', search: '?a?b' },
  { protocol: 'gopher:', hostname: 'g', pathname: 'p' },
  { protocol: 'FTP:', hostname: 'g', pathname: 'p' },
  { protocol: 'wss', hostname: 'g', pathname: '#' },
  { protocol: 'git+ssh', hostname: 'g', pathname: 'p' },
  { protocol: 'file:', pathname: 'p' },
];
for (const o of objects) console.log(url.format(o));
try {
  url.format({ protocol: 'http', hostname: 'h', auth: '\uD800' });
} catch (e) {
  console.log('lone surrogate:', e.name);
}
const original = url.Url.prototype.format;
url.Url.prototype.format = function() { return 'replaced:' + original.call(this); };
console.log(url.parse('http://a.com/b').href);
url.Url.prototype.format = original;
console.log(url.parse('http://a.com/b').href);
