// args: -c
// -c compiles an ES module (imports, top-level await) as one, and runs nothing.
import { alpha } from './fixtures/more.mjs';

console.log('never printed', alpha, await Promise.resolve(1));
