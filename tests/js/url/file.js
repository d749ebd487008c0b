// fileURLToPath / pathToFileURL / urlToHttpOptions and their errors.
'use strict';
const url = require('url');
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
t('basic', () => url.fileURLToPath('file:///a%20b/c%C3%A9'));
t('URL object', () => url.fileURLToPath(new URL('file:///x/y')));
t('localhost', () => url.fileURLToPath('file://localhost/etc'));
t('number', () => url.fileURLToPath(1));
t('http', () => url.fileURLToPath('http://a/'));
t('host', () => url.fileURLToPath('file://host/a'));
t('encoded slash', () => url.fileURLToPath('file:///a%2fb'));
t('encoded slash upper', () => url.fileURLToPath('file:///a%2F'));
t('windows', () => url.fileURLToPath('file:///C:/a%20b', { windows: true }));
t('windows unc', () => url.fileURLToPath('file://server/share/x', { windows: true }));
t('windows relative', () => url.fileURLToPath('file:///a', { windows: true }));
t('to url', () => url.pathToFileURL('/tmp/a b%#?\\x\n').href);
t('specials', () => url.pathToFileURL('/a/é "<>{}^`|[]~!$&\'()*+,;=:@').href);
t('trailing slash', () => url.pathToFileURL('/a/b/').href);
t('relative', () => url.pathToFileURL('rel/x').href === new URL('rel/x', `file://${process.cwd()}/`).href);
t('windows path', () => url.pathToFileURL('C:\\a b\\c', { windows: true }).href);
t('windows unc path', () => url.pathToFileURL('\\\\server\\share\\f', { windows: true }).href);
t('path number', () => url.pathToFileURL(1));
t('http options', () => url.urlToHttpOptions(new URL('http://u:p@[::1]:8080/p?q#h')));
t('http options plain', () => url.urlToHttpOptions(new URL('https://a.com')));
t('http options encoded auth', () => url.urlToHttpOptions(new URL('http://a%20b:c%40d@h/')).auth);
