// stat, lstat, fstat and statfs with null options: an omitted options takes the
// default, null is read like an object (a TypeError), in every form (sync,
// callback, promise, FileHandle); another primitive counts as no bigint.
const fs = require('fs'); const fsp = fs.promises;
const show = (name, f) => { try { const r = f(); if (r && typeof r.then === 'function') return r.then(() => console.log(name, 'resolved'), (e) => console.log(name, 'rejected', e.name, e.message)); console.log(name, 'ok'); } catch (e) { console.log(name, 'threw', e.name, e.message); } };
(async () => {
  await show('statSync', () => fs.statSync('/tmp', null));
  await show('lstatSync', () => fs.lstatSync('/tmp', null));
  await show('fstatSync', () => fs.fstatSync(0, null));
  await show('statfsSync', () => fs.statfsSync('/tmp', null));
  await show('stat cb', () => fs.stat('/tmp', null, () => console.log('stat cb called')));
  await show('lstat cb', () => fs.lstat('/tmp', null, () => console.log('lstat cb called')));
  await show('fstat cb', () => fs.fstat(0, null, () => console.log('fstat cb called')));
  await show('statfs cb', () => fs.statfs('/tmp', null, () => console.log('statfs cb called')));
  await show('p.stat', () => fsp.stat('/tmp', null));
  await show('p.lstat', () => fsp.lstat('/tmp', null));
  await show('p.statfs', () => fsp.statfs('/tmp', null));
  const fh = await fsp.open(__filename, 'r');
  await show('fh.stat', () => fh.stat(null));
  await fh.close();
  await show('statSync 5', () => fs.statSync('/tmp', 5));
})();
