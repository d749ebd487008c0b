'use strict';
// process.stdout / process.stderr: writes are synchronous, as Node's are for files,
// pipes and terminals on Linux, so output is never lost at exit and interleaves
// in program order. process.stdin reads the whole input when first asked.
// Bindings: process_methods.{writeSync, isatty}.

const { writeSync, isatty } = internalBinding('process_methods');
const EventEmitter = require('events');

class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._isStdio = true;
    this.writable = true;
    this.isTTY = isatty(fd);
    if (this.isTTY) { this.columns = 80; this.rows = 24; }
    this.destroyed = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.writableLength = 0;
    this.writableHighWaterMark = 16384;
    this.writableObjectMode = false;
    this.writableNeedDrain = false;
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
      chunk = require('buffer').Buffer.from(chunk, encoding);
    }
    writeSync(this.fd, chunk);
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return this;
  }
  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { return this; }
  getColorDepth() { return this.isTTY ? 8 : 1; }
  hasColors() { return false; }
}

function create(fd) {
  return new SyncWriteStream(fd);
}

function createStdin() {
  const { Readable } = require('stream');
  const stdin = new Readable({
    read() {
      const fs = require('fs');
      const chunk = Buffer.alloc(65536);
      let n = 0;
      try { n = fs.readSync(0, chunk, 0, chunk.length, null); } catch { n = 0; }
      this.push(n > 0 ? chunk.subarray(0, n) : null);
    },
  });
  stdin.fd = 0;
  stdin.isTTY = isatty(0);
  return stdin;
}

module.exports = { create, createStdin, SyncWriteStream };
