// A .js file under "type": "module" is an ES module; a .cjs file beside it is
// CommonJS all the same, and require() works only through createRequire.
import { createRequire } from 'node:module';
import helper from './helper.cjs';
import { twice } from './fixtures/twice.js';

console.log(typeof require, typeof module, typeof exports, helper.kind, twice(21));
const req = createRequire(import.meta.url);
console.log(req('./helper.cjs') === helper, req.resolve('./fixtures/twice.js').endsWith('/type-module/fixtures/twice.js'));
console.log(this === undefined);
