'use strict';
// fs — the start of it: the synchronous reads the runtime and lib/ need today
// (readFileSync, existsSync). The io_uring-backed asynchronous API, promises,
// streams and the rest of the sync API are the fs issue's work.
// Bindings: fs.{readFileBytes, internalModuleStat}.

const { readFileBytes, internalModuleStat } = internalBinding('fs');

function toPath(path, name) {
  if (path !== null && typeof path === 'object' && typeof path.href === 'string' && path.protocol === 'file:') {
    return require('url').fileURLToPath(path);
  }
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  if (path instanceof Uint8Array) return require('buffer').Buffer.from(path).toString();
  const { codes } = require('internal/errors');
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
}

function readFileSync(path, options) {
  const encoding = typeof options === 'string' ? options : options?.encoding;
  const target = typeof path === 'number' ? path : toPath(path, 'path');
  const { Buffer } = require('buffer');
  if (encoding != null && !Buffer.isEncoding(encoding)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
  const bytes = Buffer.from(readFileBytes(target));
  return encoding ? bytes.toString(encoding) : bytes;
}

function existsSync(path) {
  try {
    return internalModuleStat(toPath(path, 'path')) >= 0;
  } catch {
    return false;
  }
}

module.exports = { readFileSync, existsSync };
