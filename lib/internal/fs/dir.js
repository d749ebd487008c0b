'use strict';
// fs.Dir, fs.opendir/opendirSync and fs.promises.opendir. The binding has no
// directory handle: opening lists the whole directory in one inline op (getdents
// until done, the same work libuv's scandir does), and the Dir hands the entries
// out. They move into the Dir's buffer `bufferSize` at a time, as Node's native
// reads would fill it, so which calls are "concurrent" matches Node: an async read
// that finds the buffer empty counts as in flight until its callback, and a sync
// call meanwhile throws ERR_DIR_CONCURRENT_OPERATION. With `recursive`, each
// subdirectory is listed (asynchronously for read(), synchronously for readSync())
// when the Dir reaches it.

const {
  ArrayPrototypeConcat, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSlice, MathMin,
  ObjectDefineProperty, PromiseReject, SymbolAsyncIterator,
} = primordials;

const binding = internalBinding('fs');
const { codes: {
  ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_MISSING_ARGS,
} } = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const {
  constants: { UV_DIRENT_DIR }, getValidatedPath, getOptions, readdirResult, toPathString, FSReqCallback,
  promiseRequest, childPath,
} = require('internal/fs/utils');

const kListing = Symbol('kListing');

class Dir {
  #path;
  #options;
  #closed = false;
  // The listing being handed out: { dir, names, types, next }.
  #current;
  // Subdirectories still to list (recursive only).
  #dirs = [];
  // Dirents fetched and not yet returned.
  #buffer = [];
  // An async fetch or close is under way; async calls wait in #waiting meanwhile.
  #busy = false;
  #waiting = [];

  constructor(path, listing, options) {
    if (listing?.[kListing] !== true) throw new ERR_MISSING_ARGS('handle');
    this.#path = path;
    this.#options = options;
    this.#current = { dir: path, names: listing.names, types: listing.types, next: 0 };
  }

  get path() { return this.#path; }

  // Moves up to bufferSize entries into the buffer; false when the current
  // listing is spent and another directory must be listed first.
  #fill() {
    const cur = this.#current;
    if (cur === null) return true;
    const end = MathMin(cur.names.length, cur.next + this.#options.bufferSize);
    const names = ArrayPrototypeSlice(cur.names, cur.next, end);
    const types = ArrayPrototypeSlice(cur.types, cur.next, end);
    cur.next = end;
    const dirents = readdirResult([names, types], cur.dir, { encoding: this.#options.encoding, withFileTypes: true });
    if (this.#options.recursive) {
      const parent = toPathString(cur.dir);
      for (let i = 0; i < names.length; i++) {
        if (types[i] === UV_DIRENT_DIR) ArrayPrototypePush(this.#dirs, childPath(parent, names[i]));
      }
    }
    // concat, not push(...): bufferSize may be a whole huge directory (argument limits).
    this.#buffer = this.#buffer.length === 0 ? dirents : ArrayPrototypeConcat(this.#buffer, dirents);
    if (names.length > 0) return true;
    this.#current = null;
    return this.#dirs.length === 0;
  }

  #listed(dir, [names, types]) {
    this.#current = { dir, names, types, next: 0 };
  }

  // Fills the buffer synchronously, listing subdirectories as needed.
  #fetchSync() {
    while (this.#buffer.length === 0 && !this.#fill()) {
      const dir = ArrayPrototypeShift(this.#dirs);
      this.#listed(dir, binding.readdir(dir));
    }
  }

  // Fills the buffer; calls back on a later tick either way.
  #fetch(cb) {
    if (this.#buffer.length > 0 || this.#fill()) {
      process.nextTick(cb, null);
      return;
    }
    const dir = ArrayPrototypeShift(this.#dirs);
    binding.readdir(dir, new FSReqCallback((err, listing) => {
      if (err) return cb(err);
      this.#listed(dir, listing);
      this.#fetch(cb);
    }));
  }

  #runWaiting() {
    while (!this.#busy && this.#waiting.length > 0) ArrayPrototypeShift(this.#waiting)();
  }

  #read(cb) {
    if (this.#busy) {
      ArrayPrototypePush(this.#waiting, () => this.#read(cb));
      return;
    }
    if (this.#buffer.length > 0) {
      process.nextTick(cb, null, ArrayPrototypeShift(this.#buffer));
      return;
    }
    this.#busy = true;
    this.#fetch((err) => {
      this.#busy = false;
      if (err) cb(err);
      else cb(null, ArrayPrototypeShift(this.#buffer) ?? null);
      this.#runWaiting();
    });
  }

  read(callback) {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.#read((err, d) => (err ? reject(err) : resolve(d))));
    }
    validateFunction(callback, 'callback');
    this.#read(callback);
  }

  readSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#busy) throw new ERR_DIR_CONCURRENT_OPERATION();
    this.#fetchSync();
    return ArrayPrototypeShift(this.#buffer) ?? null;
  }

  #release() {
    this.#closed = true;
    this.#current = null;
    this.#dirs = [];
    this.#buffer = [];
  }

  // Closing waits for the async calls made before it; they still get their entries.
  close(callback) {
    if (callback === undefined) {
      if (this.#closed) return PromiseReject(new ERR_DIR_CLOSED());
      return new Promise((resolve) => this.close(() => resolve()));
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    const done = () => {
      this.#release();
      process.nextTick(callback, null);
    };
    if (this.#busy || this.#waiting.length > 0) ArrayPrototypePush(this.#waiting, done);
    else done();
  }

  closeSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#busy) throw new ERR_DIR_CONCURRENT_OPERATION();
    this.#release();
  }

  // Yields every entry, then closes the Dir (also on break or throw). Buffered
  // entries are yielded directly: a read() per entry would cost a promise and a tick.
  async* entries() {
    try {
      for (;;) {
        if (this.#closed) throw new ERR_DIR_CLOSED();
        if (this.#buffer.length > 0 && !this.#busy) {
          yield ArrayPrototypeShift(this.#buffer);
          continue;
        }
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      await this.close();
    }
  }
}
ObjectDefineProperty(Dir.prototype, SymbolAsyncIterator, {
  __proto__: null,
  configurable: true, writable: true, enumerable: false, value: Dir.prototype.entries,
});

// options.bufferSize is honoured as the batch size entries move in by; the
// directory itself is read whole at open time (one op, no kernel handle to keep).
function dirOptions(options) {
  options = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
  validateUint32(options.bufferSize, 'options.bufferSize', true);
  options.recursive = !!options.recursive;
  return options;
}

function makeDir(path, [names, types], options) {
  return new Dir(path, { [kListing]: true, names, types }, options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = dirOptions(options);
  binding.opendir(path, new FSReqCallback((err, listing) => {
    if (err) callback(err);
    else callback(null, makeDir(path, listing, options));
  }));
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return makeDir(path, binding.opendir(path), options);
}

async function opendirPromise(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  const [req, promise] = promiseRequest();
  binding.opendir(path, req);
  return makeDir(path, await promise, options);
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
