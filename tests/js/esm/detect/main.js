// A .js file in a package without "type" that only parses as a module runs as
// one (node 20's detection), here because of its import statement.
import { basename } from 'node:path';
import { kind } from './fixtures/helper.js';

console.log(basename(import.meta.filename), typeof require, kind);
