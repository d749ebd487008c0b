// exit: 1
// A name a CommonJS module is not seen to export fails the link with Node's
// explanation of how to take it from the default export instead.
import { notExported } from './fixtures/plain.cjs';

console.log('never runs', notExported);
