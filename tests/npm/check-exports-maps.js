'use strict';
// Packages whose package.json "exports" decides what require() loads: @hapi/hoek
// (subpath exports), chalk 4, underscore (the CommonJS build through the "require"
// and "node" conditions, not the UMD one "main" names), fs-extra, semver subpaths,
// and the errors for subpaths a package does not export.
const path = require('path');
const base = (id) => path.relative(path.join(__dirname, 'node_modules'), require.resolve(id));

const Hoek = require('@hapi/hoek');
const applyToDefaults = require('@hapi/hoek/applyToDefaults');
const clone = require('@hapi/hoek/clone');
console.log(applyToDefaults({ a: 1, b: { c: 2 } }, { b: { d: 3 } }), applyToDefaults === Hoek.applyToDefaults);
const obj = { x: [1, { y: 2 }], d: new Date(0) };
const copy = clone(obj);
console.log(copy, copy.x !== obj.x, Hoek.deepEqual(copy, obj), Hoek.reach({ a: { b: [5, 6] } }, 'a.b.1'));
console.log(Hoek.escapeRegex('a.b*c'), Hoek.intersect([1, 2, 3], [2, 3, 4]), Hoek.contain([1, 2, 3], [1, 3]));
console.log(base('@hapi/hoek/merge'));
for (const id of ['@hapi/hoek/lib/index.js', '@hapi/hoek/no-such', 'chalk/source/util', 'underscore/underscore-umd.js']) {
  try { require(id); console.log(id, 'loaded'); } catch (e) { console.log(id, e.code); }
}

const chalk = require('chalk');
const c = new chalk.Instance({ level: 1 });
console.log(JSON.stringify(c.red('red')), JSON.stringify(c.bold.underline.blue('x')), JSON.stringify(c.rgb(255, 0, 0)('approx')));
console.log(JSON.stringify(new chalk.Instance({ level: 0 }).green('plain')), typeof chalk.supportsColor);

const _ = require('underscore');
console.log(base('underscore'), _.VERSION);
console.log(_.chain([3, 1, 2]).sortBy().map((x) => x * 2).value(), _.template('hi <%= name %>')({ name: 'u' }));
console.log(_.groupBy(['one', 'two', 'three'], 'length'), _.debounce.length, _.isEqual({ a: [1] }, { a: [1] }));

const fse = require('fs-extra');
console.log(base('fs-extra'), typeof fse.copySync, typeof fse.readJsonSync, typeof fse.promises);
const os = require('os');
const dir = fse.mkdtempSync(path.join(os.tmpdir(), 'coil-fse-'));
fse.outputJsonSync(path.join(dir, 'a/b/c.json'), { deep: true }, { spaces: 2 });
fse.copySync(path.join(dir, 'a'), path.join(dir, 'copy'));
console.log(fse.readJsonSync(path.join(dir, 'copy/b/c.json')), fse.pathExistsSync(path.join(dir, 'copy/b')));
fse.removeSync(dir);
console.log(fse.existsSync(dir));

const satisfies = require('semver/functions/satisfies');
const Range = require('semver/classes/range');
console.log(satisfies('1.2.3', '^1.0.0'), satisfies('2.0.0', '~1.2'), new Range('>=1.2 <2').range);
console.log(require('semver/ranges/max-satisfying')(['1.2.3', '1.3.0', '2.0.0'], '^1'), base('semver/preload'));
