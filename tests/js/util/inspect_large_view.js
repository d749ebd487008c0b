// util.inspect of a large Buffer or typed array shows its first bytes and its own
// extra keys without listing every index first (a 20 MB Buffer took seconds).
const util = require('util');

const big = Buffer.alloc(20e6, 7);
big.label = 'mine';
big[Symbol('tag')] = 1;
const started = Date.now();
console.log(util.inspect(big).slice(-45));
const arr = new Float64Array(5e6);
arr.extra = [1];
console.log(util.inspect(arr, { maxArrayLength: 2 }));
console.log(util.inspect(Object.assign([1, 2], { k: 'v' }), { showHidden: true }));
console.log('quick:', Date.now() - started < 2000);
