// Importing CommonJS: `default` is module.exports; named exports are the names
// found statically in the source (assignments, defineProperty with a value or a
// plain getter, an exports literal, reexports through require), with the values
// they have once the module has run.
import * as shapes from './fixtures/cjs-shapes.cjs';
import * as literal from './fixtures/cjs-literal.cjs';
import * as esModule from './fixtures/cjs-esmodule.cjs';
import * as ts from './fixtures/cjs-ts.cjs';
import esDefault, { named } from './fixtures/cjs-esmodule.cjs';

const show = (ns) => Object.keys(ns).map((k) => (k === 'default' ? k : `${k}=${String(ns[k])}`)).join(' ');
console.log(show(shapes));
console.log(shapes.default === (await import('./fixtures/cjs-shapes.cjs')).default);
console.log(show(literal));
console.log(show(esModule));
console.log(typeof esDefault, esDefault.default, named);
console.log(show(ts));
