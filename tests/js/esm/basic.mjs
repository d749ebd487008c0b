// Static imports and exports: default, named, renamed, namespaces, export * (which
// skips default), export * as, and a live binding seen after the exporter changes it.
import Thing, { counter, increment, shown, alpha, beta, moreNs } from './fixtures/lib.mjs';
import * as lib from './fixtures/lib.mjs';

console.log(typeof Thing, Thing.name, shown, alpha, beta);
console.log(Object.keys(lib).join(','));
console.log(Object.keys(moreNs).join(','), moreNs.default);
console.log(lib[Symbol.toStringTag], Object.isFrozen(lib), Object.getPrototypeOf(lib));
console.log('before', counter, lib.counter);
increment();
increment();
console.log('after', counter, lib.counter);
try {
  lib.counter = 5;
} catch (err) {
  console.log(err.constructor.name);
}
console.log(typeof this);
