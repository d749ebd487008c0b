// url.parse refuses hosts that IDNA maps to nothing or to a forbidden character (host
// spoofing), and non-string input, with node's errors; DEP0170 is warned once.
'use strict';
const url = require('url');
for (const u of ['http://\u00AD/bad.com/', 'http://a\u00ADb/', 'http://fail\u2100fail.com/',
  'http://fail\uFF20fail.com/', 'http://%E0%A4%A@fail', 'http://[127.0.0.1\x00c8763]:8000/',
  'http://ex\u00E4mple.com/', 'http:///x', 'http://\u200B/']) {
  try {
    const r = url.parse(u);
    console.log(JSON.stringify(u), r.hostname, r.pathname);
  } catch (e) {
    console.log(JSON.stringify(u), e.name, e.code, e.message);
  }
}
for (const v of [undefined, null, 1, {}, Symbol('s')]) {
  try { url.parse(v); } catch (e) { console.log(e.code, e.message); }
}
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
url.parse('https://evil.com:.example.com');
url.parse('git+ssh://git@github.com:npm/npm');
