'use strict';
// semver: parsing, comparison, ranges, increments, coercion.
const semver = require('semver');

const versions = ['1.2.3', 'v1.2.3', '=1.2.3', '1.2.3-alpha.1', '1.2.3+build.5', '01.2.3',
  '1.2', 'a.b.c', '1.2.3-beta.2+exp.sha.5114f85', ' 2.0.0 ', '10.20.30', '1.0.0-0'];
for (const v of versions) {
  console.log('valid', JSON.stringify(v), semver.valid(v), 'clean', semver.clean(v));
}

const sorted = semver.sort(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9', '1.2.0-beta.11',
  '1.2.0-beta.2', '2.0.0', '1.2.0-alpha']);
console.log('sort', sorted.join(' '));
console.log('rsort', semver.rsort(sorted.slice()).join(' '));

const pairs = [['1.2.3', '1.2.4'], ['2.0.0', '1.99.99'], ['1.0.0-alpha', '1.0.0'],
  ['1.0.0-alpha.1', '1.0.0-alpha.beta'], ['1.0.0+a', '1.0.0+b']];
for (const [a, b] of pairs) {
  console.log('cmp', a, b, semver.compare(a, b), semver.gt(a, b), semver.lt(a, b),
    semver.eq(a, b), semver.diff(a, b), semver.compareBuild(a, b));
}

const ranges = ['^1.2.3', '~1.2.3', '>=1.0.0 <2.0.0', '1.x', '*', '1.2.3 - 2.3.4',
  '^0.0.3', '~0.2', '>1.2.3-alpha.3', '<=1.2 || >=3', 'invalid range'];
const cands = ['1.2.3', '1.2.9', '1.3.0', '2.0.0', '0.0.3', '0.0.4', '0.2.5', '1.2.3-alpha.7', '3.1.0'];
for (const r of ranges) {
  const vr = semver.validRange(r);
  console.log('range', JSON.stringify(r), '->', vr);
  if (vr === null) continue;
  console.log('  satisfies', cands.map((c) => (semver.satisfies(c, r) ? 1 : 0)).join(''));
  console.log('  max', semver.maxSatisfying(cands, r), 'min', semver.minSatisfying(cands, r),
    'minVersion', String(semver.minVersion(r)));
}

for (const rel of ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease']) {
  console.log('inc', rel, semver.inc('1.2.3', rel), semver.inc('1.2.3-beta.1', rel, 'beta'));
}

for (const c of ['v2', '3.4.5.6', 'version 1.2.x', '42', 'foo', '1.2.3-pre', 'x 4.5']) {
  const r = semver.coerce(c);
  console.log('coerce', JSON.stringify(c), r ? r.version : r);
}

const p = semver.parse('4.5.6-rc.1+build.9');
console.log('parse', p.major, p.minor, p.patch, p.prerelease, p.build, p.format(), String(p));
console.log('intersects', semver.intersects('^1.2.0', '~1.3.0'), semver.intersects('^1', '^2'));
console.log('gtr/ltr', semver.gtr('3.0.0', '^2'), semver.ltr('1.0.0', '^2'), semver.outside('3.0.0', '^2', '>'));
console.log('subset', semver.subset('^1.2.3', '^1.0.0'), semver.subset('^1', '~1.2'));
console.log('simplify', semver.simplifyRange(['1.0.0', '1.1.0', '1.2.0', '2.0.0'], '1.0.0 || 1.1.0 || 1.2.0'));
try { new semver.SemVer('nope'); } catch (e) { console.log('error', e.constructor.name, e.message); }
const r = new semver.Range('>=1.2.3 <3 || 5.x');
console.log('Range', r.range, r.set.length, r.test('2.5.0'), r.test('4.0.0'));
