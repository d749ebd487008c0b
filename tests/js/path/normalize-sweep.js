// path.normalize/join/resolve/relative over a seeded sweep of paths built from
// '', '.', '..', '...', names and repeated slashes: printed as one checksum per
// function plus a few samples, so any divergence from node's results shows.
const path = require('path');
const segs = ['', '.', '..', '...', 'a', 'bb', '.x', '..y'];
let seed = 7;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const gen = () => {
  const k = rnd(6);
  const parts = [];
  for (let i = 0; i < k; i++) parts.push(segs[rnd(segs.length)]);
  return (rnd(2) ? '/' : '') + parts.join('/') + (rnd(3) === 0 ? '/' : '');
};
const sums = { normalize: 0, join: 0, resolve: 0, relative: 0 };
const add = (k, s) => { for (let i = 0; i < s.length; i++) sums[k] = (sums[k] * 31 + s.charCodeAt(i)) >>> 0; sums[k] = (sums[k] * 31 + 1) >>> 0; };
for (let i = 0; i < 4000; i++) {
  const a = gen(), b = gen(), c = gen();
  add('normalize', path.normalize(a));
  add('join', path.join(a, b, c));
  add('resolve', path.resolve('/base/dir', a, b));
  add('relative', path.relative('/r/' + a, '/r/' + b));
  if (i % 500 === 0) console.log(JSON.stringify([a, b, path.normalize(a), path.join(a, b), path.resolve('/base/dir', a, b)]));
}
console.log(sums);
