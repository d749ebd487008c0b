// path (POSIX): every function on edge cases — empty strings, '..' above
// the root, trailing and repeated slashes, dot files — and argument checks.
'use strict';
const path = require('path');
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
const samples = ['', '.', '..', '/', '//', '///', 'a', 'a/', 'a//', '/a', '//a', '///a', '/a/b', '//a/b', 'a/b/c',
  'a/./b', 'a/../b', '../a', '../../a/..', '/..', '/../a', 'a/..', './', '.a', '..a', 'a.', 'a..', 'a.b.c',
  '/a/b.txt', '/a/.b', '/a/b/', 'a/b.c/', '.../x', 'x/...', 'a/b/../../..', '/a/./../b//c/.'];

console.log(path.sep, path.delimiter, path.posix === path, typeof path.win32);
for (const s of samples) {
  console.log(JSON.stringify(s), '->', JSON.stringify([path.normalize(s), path.dirname(s), path.basename(s), path.extname(s), path.isAbsolute(s)]));
  console.log('  parse', JSON.stringify(path.parse(s)), 'format', JSON.stringify(path.format(path.parse(s))));
}
t('join()', () => path.join());
t('join empties', () => path.join('', ''));
t('join', () => path.join('/a', '', 'b/', '../c', '.'));
t('join ..', () => path.join('a', '../..', 'b'));
t('join trailing', () => path.join('a', 'b/'));
t('resolve abs', () => path.resolve('/a/b', './c', '../d'));
t('resolve reset', () => path.resolve('x', '/y', 'z/'));
t('resolve root', () => path.resolve('/', '..', '..'));
t('resolve cwd', () => path.resolve('q') === process.cwd() + '/q');
t('resolve none', () => path.resolve() === process.cwd());
t('resolve empty', () => path.resolve('') === process.cwd());
t('relative', () => path.relative('/a/b/c', '/a/d'));
t('relative same', () => path.relative('/a/b', '/a/b/'));
t('relative root', () => path.relative('/', '/a/b'));
t('relative to root', () => path.relative('/a/b', '/'));
t('relative prefix', () => path.relative('/a/bc', '/a/b'));
t('relative deeper', () => path.relative('/a', '/a/b/c'));
t('relative rel', () => path.relative('a', 'b') === '../b');
t('basename ext', () => path.basename('/a/b.js', '.js'));
t('basename ext whole', () => path.basename('/a/b.js', 'b.js'));
t('basename ext no match', () => path.basename('/a/b.js', '.ts'));
t('basename ext trailing', () => path.basename('/a/b.js/', '.js'));
t('basename ext partial', () => path.basename('aaa', 'a'));
t('basename ext longer', () => path.basename('a', 'aaaa'));
t('format ext no dot', () => path.format({ name: 'a', ext: 'b' }));
t('format root=dir', () => path.format({ root: '/', dir: '/', base: 'x' }));
t('format root only', () => path.format({ root: '/x/', name: 'n', ext: '.e' }));
t('format base wins', () => path.format({ dir: 'd', base: 'b', name: 'n', ext: '.e' }));
t('format {}', () => path.format({}));
t('toNamespacedPath', () => path.toNamespacedPath('/a/../b'));
t('toNamespacedPath num', () => path.toNamespacedPath(1));

for (const f of ['join', 'resolve', 'normalize', 'relative', 'dirname', 'basename', 'extname', 'parse', 'isAbsolute']) {
  t(f + '(1)', () => path[f](1));
}
t('resolve(a, 1)', () => path.resolve('a', 1));
t('join(a, null)', () => path.join('a', null));
t('relative(a, 1)', () => path.relative('a', 1));
t('basename(a, 1)', () => path.basename('a', 1));
t('basename(1, 2)', () => path.basename(1, 2));
t('format(null)', () => path.format(null));
t('format(str)', () => path.format('a'));
