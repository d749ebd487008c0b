'use strict';
// require('internal/test/binding') under --expose-internals: coil's internalBinding
// and primordials, for Node's own tests. Node warns once when a program loads it,
// and so does coil. coil has no libuv, so internalBinding('uv') (the errno names
// tests compare err.errno with) is made here from coil's errno table.

const { ObjectFreeze, SafeMap } = primordials;

process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');

let uv;
// Node's uv binding: UV_<CODE> = the negative errno, errname(errno), getErrorMap().
function uvBinding() {
  if (uv !== undefined) return uv;
  const { getSystemErrorMap, getSystemErrorName } = require('internal/errors');
  uv = {
    __proto__: null,
    errname: getSystemErrorName,
    getErrorMap: getSystemErrorMap,
  };
  const map = getSystemErrorMap();
  for (const { 0: errno, 1: entry } of new SafeMap(map)) uv[`UV_${entry[0]}`] = errno;
  uv = ObjectFreeze(uv);
  return uv;
}

function testInternalBinding(name) {
  if (name === 'uv') return uvBinding();
  return internalBinding(name);
}

module.exports = { internalBinding: testInternalBinding, primordials };
