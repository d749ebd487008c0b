'use strict';
// Where fs.ReadStream's and fs.WriteStream's I/O goes: an fs (the module or
// `options.fs`) through FsIo, or a FileHandle through handleIo, and the request
// object the binding calls back on.

const { FunctionPrototypeCall, PromisePrototypeThen, TypedArrayPrototypeSubarray } = primordials;

const binding = internalBinding('fs');
const { stringToFlags, parseFileMode, nativeFsCalls } = require('internal/fs/utils');

// ---- where the I/O goes: an fs (the module or options.fs), or a FileHandle ----

// Node's streams call open/read/write/writev/fsync/close on the fs module (or on
// `options.fs`) as they are at the time of each call, so a user's replacement is
// used. While one is still fs's own function the call goes straight to the ring
// through the binding (a missing position is -1: the fd's own offset).
// fs.js fills nativeFsCalls as it loads; it is loaded first here (streams are
// also reached through fs/promises alone). Plain consts keep the per-chunk check
// to one comparison.
const fsExports = require('fs');
const {
  open: nativeOpen, read: nativeRead, write: nativeWrite, writev: nativeWritev, fsync: nativeFsync,
  close: nativeClose,
} = nativeFsCalls;

const asyncContext = require('internal/async_context');
const asyncState = asyncContext.state;

// The request of one stream op: the binding calls oncomplete(err, value) on it.
// The callbacks here are the stream's own, so the cheapest shape will do (fs's
// FSReqCallback adds a call to give user callbacks Node's `this` and arguments).
class StreamRequest {
  constructor(oncomplete) {
    // Once async_hooks is in use the stream's callbacks (and so its events) run in
    // the async context the op was started in, as fs's own requests do.
    this.oncomplete = asyncState.active ? asyncContext.bindToFrame('FSREQCALLBACK', oncomplete) : oncomplete;
  }
}

class FsIo {
  constructor(fs) {
    this.fs = fs;
  }
  open(path, flags, mode, cb) {
    const fs = this.fs;
    const open = fs.open;
    if (open !== nativeOpen) return FunctionPrototypeCall(open, fs, path, flags, mode, cb);
    binding.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666), new StreamRequest(cb));
  }
  read(fd, buf, off, len, pos, cb) {
    const fs = this.fs;
    const read = fs.read;
    if (read !== nativeRead) return FunctionPrototypeCall(read, fs, fd, buf, off, len, pos ?? null, cb);
    binding.read(fd, buf, off, len, pos ?? -1, new StreamRequest(cb));
  }
  write(fd, buf, off, len, pos, cb) {
    const fs = this.fs;
    const write = fs.write;
    if (write === nativeWrite) {
      binding.writeBuffer(fd, buf, off, len, pos ?? -1, new StreamRequest(cb));
    } else if (typeof write === 'function') {
      FunctionPrototypeCall(write, fs, fd, buf, off, len, pos ?? null, cb);
    } else {
      // An fs with writev only: Node accepts either.
      FunctionPrototypeCall(fs.writev, fs, fd, [TypedArrayPrototypeSubarray(buf, off, off + len)], pos ?? null, cb);
    }
  }
  writev(fd, bufs, pos, cb) {
    const fs = this.fs;
    const writev = fs.writev;
    if (writev !== nativeWritev) return FunctionPrototypeCall(writev, fs, fd, bufs, pos ?? null, cb);
    binding.writeBuffers(fd, bufs, pos ?? -1, new StreamRequest(cb));
  }
  fsync(fd, cb) {
    const fs = this.fs;
    const fsync = fs.fsync;
    if (fsync !== nativeFsync) return FunctionPrototypeCall(fsync, fs, fd, cb);
    binding.fsync(fd, new StreamRequest(cb));
  }
  close(fd, cb) {
    const fs = this.fs;
    const close = fs.close;
    if (close !== nativeClose) return FunctionPrototypeCall(close, fs, fd, cb);
    binding.close(fd, new StreamRequest(cb));
  }
  // Whether small chunks may be copied into one write: only when both calls are
  // fs's own (a replaced writev must see the chunks it was given).
  get native() {
    return this.fs.write === nativeWrite && this.fs.writev === nativeWritev;
  }
}

// A FileHandle's promise methods, called back.
function handleIo(handle) {
  const settle = (promise, cb, pick) => PromisePrototypeThen(promise, (r) => cb(null, pick(r)), (err) => cb(err));
  return {
    read: (fd, buf, off, len, pos, cb) => settle(handle.read(buf, off, len, pos ?? null), cb, (r) => r.bytesRead),
    write: (fd, buf, off, len, pos, cb) =>
      settle(handle.write(buf, off, len, pos ?? null), cb, (r) => r.bytesWritten),
    writev: (fd, bufs, pos, cb) => settle(handle.writev(bufs, pos ?? null), cb, (r) => r.bytesWritten),
    fsync: (fd, cb) => settle(handle.sync(), cb, () => undefined),
    close: (fd, cb) => {
      // The stream's hold on the handle ends (streams.js took it), then the handle closes.
      require('internal/fs/promises').unrefHandle(handle);
      settle(handle.close(), cb, () => undefined);
    },
  };
}

function isFileHandle(value) {
  const { FileHandle } = require('internal/fs/promises');
  return value instanceof FileHandle;
}

// The stream's I/O (an FsIo or handleIo's object); whether an op is in flight;
// the event an op's end emits on a stream destroyed meanwhile (_destroy waits for it).
const kIo = Symbol('kIo');
const kBusy = Symbol('kBusy');
const kIoDone = Symbol('kIoDone');

module.exports = {
  FsIo, StreamRequest, handleIo, isFileHandle, fsExports, nativeRead, nativeWrite, asyncState, kIo, kBusy, kIoDone,
};
