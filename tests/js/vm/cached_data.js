// Script code caches: produced by produceCachedData or createCachedData, accepted
// for the same source, rejected for another.
'use strict';
const vm = require('vm');

const source = 'function twice(x) { return 2 * x; } twice(21)';
const first = new vm.Script(source, { produceCachedData: true });
console.log(Object.keys(first), first.cachedDataProduced, Buffer.isBuffer(first.cachedData),
            first.cachedData.length > 0);

const second = new vm.Script(source, { cachedData: first.cachedData });
console.log(Object.keys(second), second.cachedDataRejected, second.runInThisContext());

const fromCreate = new vm.Script(source).createCachedData();
const third = new vm.Script(source, { cachedData: new Uint8Array(fromCreate) });
console.log(third.cachedDataRejected, third.runInNewContext());

const other = new vm.Script('"another source"', { cachedData: first.cachedData });
console.log(other.cachedDataRejected, other.runInThisContext());

const junk = new vm.Script('1', { cachedData: Buffer.from('not a cache') });
console.log(junk.cachedDataRejected);

console.log(Object.keys(new vm.Script('1')), new vm.Script('1').cachedDataRejected);
