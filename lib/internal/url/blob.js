'use strict';
// URL.createObjectURL / URL.revokeObjectURL: a registry of Blobs under
// 'blob:nodedata:<uuid>' URLs. resolveObjectURL() is for buffer.resolveObjectURL.
// internalBinding: none (ids come from crypto.getRandomValues when present,
// else Math.random; they only need to be unique within the process).

const {
  ArrayFrom, ArrayPrototypeJoin, MathFloor, MathRandom, SafeMap, StringPrototypePadStart,
  StringPrototypeSlice, StringPrototypeStartsWith,
} = primordials;
const { regExpSearch } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS },
} = require('internal/errors');

const registry = new SafeMap();
const prefix = 'blob:nodedata:';

function randomUUID() {
  const bytes = new Uint8Array(16);
  if (typeof globalThis.crypto?.getRandomValues === 'function') {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < 16; i++) bytes[i] = MathFloor(MathRandom() * 256);
  }
  bytes[6] = (bytes[6] & 0x0F) | 0x40;
  bytes[8] = (bytes[8] & 0x3F) | 0x80;
  const hex = ArrayPrototypeJoin(ArrayFrom(bytes, (b) => StringPrototypePadStart(b.toString(16), 2, '0')), '');
  return `${sliceOf(hex, 0, 8)}-${sliceOf(hex, 8, 12)}-${sliceOf(hex, 12, 16)}-${sliceOf(hex, 16, 20)}-${sliceOf(hex, 20)}`;
}

function createObjectURL(obj) {
  const { Blob } = require('buffer');
  if (!(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  let id;
  do id = randomUUID(); while (registry.has(id));
  registry.set(id, obj);
  return `${prefix}${id}`;
}

function revokeObjectURL(url) {
  if (url === undefined && arguments.length === 0) throw new ERR_MISSING_ARGS('url');
  const str = `${url}`;
  if (StringPrototypeStartsWith(str, prefix)) registry.delete(sliceOf(str, prefix.length));
}

function resolveObjectURL(url) {
  const str = `${url}`;
  if (!StringPrototypeStartsWith(str, prefix)) return undefined;
  // Anything after the id (a fragment or path) is ignored, as in Node.
  const rest = sliceOf(str, prefix.length);
  const cut = regExpSearch(rest, /[#?/]/);
  const id = cut === -1 ? rest : StringPrototypeSlice(rest, 0, cut);
  const blob = registry.get(id);
  // Node hands out a new plain Blob over the same bytes, even for a File.
  return blob === undefined ? undefined : sliceOf(blob, 0, blob.size, blob.type);
}

module.exports = { createObjectURL, revokeObjectURL, resolveObjectURL };
