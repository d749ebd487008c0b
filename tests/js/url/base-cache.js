// new URL(input, base) with bases that alternate (more of them than coil keeps
// parsed), repeat, fail to parse, or differ only slightly: each result is the one
// the base gives, never another cached base's. Latin-1 inputs are encoded as UTF-8.
'use strict';
const bases = ['http://a.example/x/y', 'https://b.example:8443/p/', 'file:///tmp/dir/f',
  'http://a.example/x/', 'http://a.example/x/y?q', 'ws://c/', 'http://[::1]/a/b'];
const inputs = ['z', '../up', '?s', '#h', '/abs', '//other/host'];
const seen = [];
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < bases.length; i++) {
    for (const input of inputs) {
      const href = new URL(input, bases[(i * 3 + round) % bases.length]).href;
      if (round === 0) seen.push(href);
      else if (!seen.includes(href)) console.log('unexpected', input, href);
    }
  }
}
console.log(seen.slice(0, 12).join('\n'));
for (const bad of ['not a url', 'http://[bad', '']) {
  try {
    new URL('x', bad);
    console.log('parsed against', JSON.stringify(bad));
  } catch (e) {
    console.log(JSON.stringify(bad), e.code);
  }
  console.log(new URL('x', 'http://after.example/').href);
}
console.log(URL.canParse('x', 'http://a.example/x/y'), URL.canParse('x', 'nope'));
// One-byte strings that are not ASCII (Latin-1 characters) still reach ada as UTF-8.
console.log(new URL('http://ex.com/\u00e4?\u00fc#\u00ff').href, new URL('http://\u00e9x.com/').host,
  new URL('/\u00ff', 'http://\u00e0.com').href);
