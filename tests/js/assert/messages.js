// AssertionError messages and properties for the common assertion functions.
const assert = require('assert');
const strict = require('assert/strict');
const show = (f) => {
  try { f(); console.log('passed'); } catch (e) {
    console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, operator: e.operator, generated: e.generatedMessage, isAE: e instanceof assert.AssertionError }));
  }
};
show(() => assert.strictEqual(1, 2)); show(() => assert.strictEqual('a', 'b')); show(() => assert.strictEqual(1, 2, 'custom'));
show(() => assert.strictEqual('hello world', 'hello there')); show(() => assert.strictEqual({ a: 1 }, { a: 2 })); show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.strictEqual(0, -0)); show(() => assert.strictEqual(NaN, NaN)); show(() => assert.notStrictEqual(1, 1)); show(() => assert.notStrictEqual('x'.repeat(10), 'x'.repeat(10)));
show(() => assert.equal(1, 2)); show(() => assert.equal(1, '1')); show(() => assert.equal(1, 2, 'm')); show(() => assert.notEqual(1, '1')); show(() => assert.notEqual(NaN, NaN)); show(() => assert.equal(1));
show(() => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] })); show(() => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }, 'msg'));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]]))); show(() => assert.deepStrictEqual([], {})); show(() => assert.deepStrictEqual(1, 2));
show(() => assert.deepEqual([1], [2])); show(() => assert.notDeepEqual([1], ['1'])); show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.fail()); show(() => assert.fail('boom')); show(() => assert.fail(new TypeError('own')));
show(() => assert.ok(true)); show(() => assert.ok()); show(() => assert.ok(false, 'm3')); show(() => assert(1 === 2)); show(() => assert.ok(typeof 123 === 'string'));
show(() => assert.ifError(null)); show(() => assert.ifError(new Error('e'))); show(() => assert.ifError('str'));
show(() => assert.match('abc', /b/)); show(() => assert.match('abc', /x/)); show(() => assert.doesNotMatch('abc', /b/)); show(() => assert.match(5, /x/)); show(() => assert.match('a', 'a'));
show(() => strict.equal(1, '1')); show(() => strict.deepEqual([1], ['1'])); show(() => strict(0)); console.log(strict === assert.strict, assert.strict.strict === assert.strict);
const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(e.name, e.code, e.actual, e.expected, e.operator, e.generatedMessage, JSON.stringify(e.message));
show(() => new assert.AssertionError());
