// Bare specifiers through node_modules: "exports" with conditions (import wins
// over require; node nests), subpath patterns, null targets, a package.json
// subpath; "main" and index.js when there are no "exports"; deep paths into a
// package without "exports"; a scoped package; a package importing itself by
// name; "imports" (#name) to files, patterns, packages and built-ins.
import { via } from 'esm-cond';
import { feature } from 'esm-cond/feature';
import { util } from 'esm-cond/lib/util';
import pkgJSON from 'esm-cond/package.json' assert { type: 'json' };
import legacy from 'legacy-main';
import { deep } from 'legacy-main/lib/deep.js';
import noMain from 'no-main';
import scoped from '@scope/pkg';
import { self } from './fixtures/selfref/index.js';
import { summary } from './fixtures/imports-pkg/main.js';
import { createRequire } from 'node:module';

console.log(via, '|', feature, '|', util, '|', pkgJSON.name);
console.log(legacy, deep, noMain, scoped);
console.log(self, '|', summary);
const require = createRequire(import.meta.url);
console.log(require('esm-cond').via, require.resolve('esm-cond').endsWith('/esm-cond/require.cjs'));
