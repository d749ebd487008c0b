// path.win32 on any host: drive letters, UNC roots, mixed separators,
// case-insensitive relative(), '.\' marking of colon segments.
'use strict';
const path = require('path');
const w = path.win32;
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
console.log(w.sep, w.delimiter, w.win32 === w, w.posix === path.posix, path.win32 === w);
const samples = ['', 'C:', 'C:\\', 'C:/', 'c:a', 'C:\\a\\b.txt', 'C:/a//b/', '\\', '/', '\\\\', '\\\\server',
  '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\dir\\f.js', '//server/share/x', 'a\\b', 'a/b\\c/',
  '..\\a', 'C:..\\..\\x', '\\\\.\\pipe\\x', '.\\a:b', 'ab:', 'a\\b:c', 'file.tar.gz', '.bashrc', 'C:\\..'];
for (const s of samples) {
  console.log(JSON.stringify(s), '->', JSON.stringify([w.normalize(s), w.dirname(s), w.basename(s), w.extname(s), w.isAbsolute(s)]));
  console.log('  parse', JSON.stringify(w.parse(s)));
}
t('join', () => w.join('C:\\a', '..', 'b', '/c/'));
t('join unc', () => w.join('\\\\server', 'share', 'x'));
t('join no unc', () => w.join('\\', '\\server', 'x'));
t('join drive rel', () => w.join('C:', 'x'));
t('resolve abs', () => w.resolve('C:\\a', 'b', '..\\c'));
t('resolve other drive', () => w.resolve('C:\\a', 'D:\\b', 'c'));
t('resolve unc', () => w.resolve('\\\\s\\h\\a', '..\\..\\..'));
t('resolve rooted', () => w.resolve('C:\\x', '\\y'));
t('relative', () => w.relative('C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'));
t('relative case', () => w.relative('C:\\A\\b', 'c:\\a\\B\\c'));
t('relative drives', () => w.relative('C:\\a', 'D:\\a'));
t('relative unc', () => w.relative('\\\\s\\h\\a', '\\\\s\\h\\b'));
t('relative to root', () => w.relative('C:\\a\\b', 'C:\\'));
t('basename ext', () => w.basename('C:\\a\\b.JS', '.JS'));
t('basename drive', () => w.basename('C:b.js', '.js'));
t('toNamespacedPath drive', () => w.toNamespacedPath('C:\\a\\..\\b'));
t('toNamespacedPath unc', () => w.toNamespacedPath('\\\\s\\h\\x'));
t('toNamespacedPath ns', () => w.toNamespacedPath('\\\\?\\C:\\x'));
t('toNamespacedPath empty', () => w.toNamespacedPath(''));
t('format', () => w.format({ root: 'C:\\', dir: 'C:\\a', name: 'f', ext: 'txt' }));
t('join(1)', () => w.join('a', 1));
t('resolve(1)', () => w.resolve(1));
t('relative(1)', () => w.relative(1, 'a'));
t('parse(null)', () => w.parse(null));
