'use strict';
// new URL(input, base) for inputs at the edges of coil's fast path (plain ASCII
// http/https/ws/wss/ftp/file URLs, relative references against them) and just past
// them (percent-encoding, IDNA, IPv4/IPv6, odd slashes, drive letters, ports): every
// component must be node's, whichever parser took the input. Each line is the
// input, its base, URL.canParse's answer and the eleven components, or the error
// code.
const bases = [
  undefined,
  'http://a.b.c/d/e/f',
  'https://u:p@www.example.org:8443/base/index.html?x=1#y',
  'HTTP://H/A/../B/',
  'ws://h/x',
  'http://h/p?',
  'http://u@h:81/p?#',
  'file:///home/x',
];
const inputs = [
  'https://user:pass@example.com:8080/a/b/c?x=1&y=2#frag', 'HTTP://EXAMPLE.COM:80/A/./B/../C',
  'https://h:0443/x', 'https://h:80/x', 'http://h:/x', 'http://h:65535/', 'http://h:65536/', 'ftp://h:21/',
  'wss://h:443', 'ws://h:81?q#f', 'http://@h/', 'http://:@h/', 'http://u:@h/', 'http://:p@h/', 'http://a@b@h/',
  'http://a:b:c@h/', 'http://u;x@h/', 'http://xn--nxasmq6b.com/', 'http://a..b/', 'http://a./', 'http://1.2.3.4/',
  'http://127.0.0.1:8080/x', 'http://01.2.3.4/', 'http://1.2.3.256/', 'http://0.0.0.0/',
  'http://a.0x1/', 'http://a.b1/', 'http://a_b-c/', 'http://[::1]:3000/', 'http://a%41/', 'http://ex ample/',
  'http://h/%2e/x', 'http://h/a/.%2E/b', 'http://h/a b?c d#e f', "http://h/a'b?c'd#e'f", 'http://h/a^b`c{d}',
  'http://h?', 'http://h#', 'http://h/?#', 'http://h#a#b?c', 'http:/h', 'http:h', 'http:\\\\h\\x', 'file:///',
  'file:///a/b/../c', 'file:///C:/x/../..', 'file:///a:80/./..', 'file://///.a/b/.', 'file://localhost/x',
  'file:x', 'mailto:a@b', 'about:blank', 'sc://h/a', ' http://h/ ', 'http://h/\tx', 'http://é.com/é?é#é',
  '', '.', '..', './', '../', 'x', './x', '../x', '../../../../x', 'x/..', 'x/../', 'x/.', '?', '?q', '#', '#f',
  '/', '/x', '//x', '///x', '/x?y#z', '/..', '../up/../x?z#h', 'http:x', 'https:x', 'x:y', 'C:/x', 'c|x', ';x',
  'a//b', '..//x', 'x?a/b?c', 'x#a?b/c', 'a@b', 'x\\y', '%2e%2e/x', 'x%zz', '/path/to/file.html?q=search',
];
for (const base of bases) {
  for (const input of inputs) {
    let line;
    try {
      const u = new URL(input, base);
      line = [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
        u.pathname, u.search, u.hash].join(' | ');
    } catch (e) {
      line = e.code;
    }
    console.log(`${JSON.stringify(input)} @ ${base}: ${URL.canParse(input, base)} ${line}`);
  }
}
// The same URL parsed twice, and after a base it shares nothing with, is the same.
const a = new URL('x/y?z', 'http://h/p/q');
new URL('#f', 'file:///home/x');
const b = new URL('x/y?z', 'http://h/p/q');
console.log(a.href === b.href, b.pathname, b.search);
