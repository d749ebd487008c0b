// assert.throws/doesNotThrow/rejects/doesNotReject with classes, regexps, objects, functions.
const assert = require('assert');
const show = (f) => {
  try { f(); console.log('passed'); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, operator: e.operator, generated: e.generatedMessage })); }
};
const thrower = (err) => () => { throw err; };
show(() => assert.throws(thrower(new Error('x')))); show(() => assert.throws(() => {})); show(() => assert.throws(() => {}, 'msg5')); show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(thrower(new TypeError('x')), TypeError)); show(() => assert.throws(thrower(new TypeError('x')), RangeError));
show(() => assert.throws(thrower(new Error('hello')), /ell/)); show(() => assert.throws(thrower(new Error('x')), /y/));
show(() => assert.throws(thrower(new Error('x')), { message: 'x' })); show(() => assert.throws(thrower(new Error('x')), { message: 'y' }));
show(() => assert.throws(thrower(Object.assign(new Error('x'), { code: 'E1' })), { code: 'E1', message: /x/ }));
show(() => assert.throws(thrower(new Error('x')), (e) => e.message === 'x')); show(() => assert.throws(thrower(new Error('x')), (e) => false));
show(() => assert.throws(thrower(5), { a: 1 })); show(() => assert.throws(thrower(new Error('x')), {})); show(() => assert.throws(5));
show(() => assert.throws(thrower('x'), 'x')); show(() => assert.throws(thrower(new Error('x')), 'x')); show(() => assert.throws(thrower(new Error('x')), 5));
show(() => assert.throws(thrower(new Error('x')), Error, 'm4')); show(() => assert.throws(thrower(new Error('z')), new Error('z')));
show(() => assert.doesNotThrow(() => {})); show(() => assert.doesNotThrow(thrower(new Error('x')))); show(() => assert.doesNotThrow(thrower(new Error('x')), 'why'));
show(() => assert.doesNotThrow(thrower(new TypeError('x')), RangeError));
(async () => {
  const ashow = async (p) => { try { await p(); console.log('passed'); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, operator: e.operator })); } };
  await ashow(() => assert.rejects(Promise.reject(new Error('r')), /r/)); await ashow(() => assert.rejects(Promise.resolve(1)));
  await ashow(() => assert.rejects(async () => { throw new TypeError('t'); }, RangeError)); await ashow(() => assert.rejects(() => 5));
  await ashow(() => assert.rejects(5)); await ashow(() => assert.doesNotReject(Promise.resolve(1))); await ashow(() => assert.doesNotReject(Promise.reject(new Error('dr'))));
})();
