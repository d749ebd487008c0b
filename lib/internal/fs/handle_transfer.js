'use strict';
// A FileHandle through a MessagePort or structuredClone, as node's: only in the
// transfer list (a JS transferable, internal/worker/js_transferable.js), never while
// an operation or close() is pending on it; the fd itself moves (same process), and
// the sender's handle is left as a closed one (fd -1: its operations reject with
// EBADF, close() resolves).

const { kTransfer, kDeserialize, kDetach } = require('internal/worker/js_transferable');

// `forget`: the handle no longer owns its fd (no close when it is collected).
function install(FileHandle, kFd, kRefs, kClosePromise, forget) {
  FileHandle.prototype[kTransfer] = function(cloneError) {
    if (this[kClosePromise] !== null || (this[kFd] !== -1 && this[kRefs] !== 1)) {
      throw cloneError('Cannot transfer FileHandle while in use');
    }
    if (this[kFd] === -1) throw cloneError('Cannot transfer object of unsupported type.');
    return { data: this[kFd], deserializeInfo: 'internal/fs/promises:FileHandle' };
  };
  FileHandle.prototype[kDetach] = function() {
    this[kFd] = -1;
    forget(this);
  };
  FileHandle[kDeserialize] = (fd) => new FileHandle(fd);
}

module.exports = { install };
