'use strict';
// fs.watch over inotify (reads of the inotify fd go through the ring, one request
// at a time, re-issued from each completion), fs.promises.watch as an async
// iterator over the same watcher, and fs.watchFile/unwatchFile by stat polling.

const {
  ArrayPrototypeFill, ArrayPrototypeForEach, ArrayPrototypePush, ArrayPrototypeShift, SafeMap,
} = primordials;

const binding = internalBinding('fs');
const EventEmitter = require('events');
const pathModule = require('path');
const { Buffer } = require('buffer');
const { AbortError } = require('internal/errors');
const { validateFunction, validateBoolean, validateAbortSignal } = require('internal/validators');
const {
  getValidatedPath, toPathString, FSReqCallback, getOptions, childPath, getStatsFromBinding,
} = require('internal/fs/utils');
const {
  setHandleOwner, clearHandleOwner, setTimerHandle, clearTimerHandle,
} = require('internal/process/active_resources');

const IN_MODIFY = 0x2, IN_ATTRIB = 0x4, IN_MOVED_FROM = 0x40, IN_MOVED_TO = 0x80;
const IN_CREATE = 0x100, IN_DELETE = 0x200, IN_DELETE_SELF = 0x400, IN_MOVE_SELF = 0x800;
const IN_IGNORED = 0x8000, IN_ISDIR = 0x40000000;
const WATCH_MASK = IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF |
  IN_MOVE_SELF | IN_MOVED_FROM | IN_MOVED_TO;

// A watcher's wait for events or stat poll: an FSReqCallback that is not one of
// the active requests process._getActiveRequests() lists (node's watchers have none).
class WatchRead extends FSReqCallback {}

class FSWatcher extends EventEmitter {
  #fd = -1;
  #referenced = true;
  #dirs = new SafeMap(); // watch descriptor -> directory relative to the root ('' for the root)
  #root = '';
  #isDir = false;
  #recursive = false;
  #encoding = 'utf8';

  start(filename, persistent, recursive, encoding) {
    const path = toPathString(getValidatedPath(filename, 'filename'));
    this.#root = path;
    this.#recursive = !!recursive;
    this.#encoding = encoding || 'utf8';
    this.#fd = binding.inotifyInit(); // a handle: the loop owns the inotify fd
    try {
      this.#dirs.set(binding.inotifyAddWatch(this.#fd, path, WATCH_MASK), '');
      this.#isDir = require('fs').statSync(path).isDirectory();
      if (this.#isDir && this.#recursive) this.#watchTree(path, '');
    } catch (err) {
      binding.inotifyClose(this.#fd, { __proto__: null, oncomplete() {} });
      this.#fd = -1;
      // Node's watch errors name the path twice: `path` and `filename`.
      if (err.syscall !== undefined) err.filename = path;
      throw err;
    }
    this.#referenced = persistent !== false;
    if (!this.#referenced) binding.refHandle(this.#fd, false);
    setHandleOwner(this.#fd, this, 'FSEventWrap');
    this.#read();
  }

  #watchTree(dir, rel) {
    const [names, types] = binding.readdir(dir);
    ArrayPrototypeForEach(names, (name, i) => {
      if (types[i] !== 2) return;
      // Names that are not UTF-8 come as raw bytes; event names are text anyway.
      const text = typeof name === 'string' ? name : Buffer.from(name).toString();
      this.#addDir(childPath(dir, name), rel ? `${rel}/${text}` : text);
    });
  }

  #addDir(full, rel) {
    try {
      this.#dirs.set(binding.inotifyAddWatch(this.#fd, full, WATCH_MASK), rel);
      this.#watchTree(full, rel);
    } catch {
      // The directory went away between listing and watching: nothing to watch.
    }
  }

  #read() {
    const req = new WatchRead((err, events) => this.#onEvents(err, events));
    binding.inotifyRead(this.#fd, req);
  }

  #onEvents(err, events) {
    if (this.#fd === -1) return; // closed meanwhile: this was the cancelled read
    if (err) {
      this.close();
      this.emit('error', err);
      return;
    }
    for (let i = 0; i < events.length; i += 3) {
      const [wd, mask, name] = [events[i], events[i + 1], events[i + 2]];
      if (mask & IN_IGNORED || !this.#dirs.has(wd)) continue;
      const dir = this.#dirs.get(wd);
      let filename = name ? (dir ? `${dir}/${name}` : name) : (dir || pathModule.basename(this.#root));
      if (this.#recursive && mask & IN_ISDIR && mask & (IN_CREATE | IN_MOVED_TO)) {
        this.#addDir(pathModule.join(this.#root, dir, name), dir ? `${dir}/${name}` : name);
      }
      const type = mask & ~(IN_ATTRIB | IN_MODIFY) ? 'rename' : 'change';
      if (this.#encoding === 'buffer') filename = Buffer.from(filename);
      else if (this.#encoding !== 'utf8' && this.#encoding !== 'utf-8') {
        filename = Buffer.from(filename).toString(this.#encoding);
      }
      this.emit('change', type, filename);
      if (this.#fd === -1) return; // a listener closed the watcher
    }
    this.#read();
  }

  close() {
    if (this.#fd === -1) return;
    const handle = this.#fd;
    this.#fd = -1;
    clearHandleOwner(handle);
    // Cancels the read in flight; the inotify fd is released after its completion.
    binding.inotifyClose(handle, { __proto__: null, oncomplete() {} });
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this.#referenced = true;
    if (this.#fd !== -1) binding.refHandle(this.#fd, true);
    return this;
  }

  unref() {
    this.#referenced = false;
    if (this.#fd !== -1) binding.refHandle(this.#fd, false);
    return this;
  }
}

function watchOptions(options) {
  options = getOptions(options, { persistent: true, recursive: false, encoding: 'utf8' });
  if (options.persistent !== undefined) validateBoolean(options.persistent, 'options.persistent');
  if (options.recursive !== undefined) validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = watchOptions(options);
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent, options.recursive, options.encoding);
  if (listener) watcher.on('change', listener);
  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    if (options.signal.aborted) process.nextTick(() => watcher.close());
    else options.signal.addEventListener('abort', () => watcher.close(), { once: true });
  }
  return watcher;
}

// fs.promises.watch: { eventType, filename } objects until the signal aborts.
async function* watchPromise(filename, options) {
  options = watchOptions(options);
  const { signal } = options;
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent, options.recursive, options.encoding);
  const queue = [];
  let wake = null;
  let failure = null;
  watcher.on('change', (eventType, name) => {
    ArrayPrototypePush(queue, { eventType, filename: name });
    wake?.();
  });
  watcher.on('error', (err) => {
    failure = err;
    wake?.();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal.reason });
    wake?.();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length) yield ArrayPrototypeShift(queue);
      if (failure) throw failure;
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    watcher.close();
  }
}

// ---- watchFile: poll with stat ----
const statWatchers = new SafeMap();

// The fields whose change is a change (as libuv's fs_poll compares them).
const kCompared = ['dev', 'ino', 'mode', 'uid', 'gid', 'size', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];

class StatWatcher extends EventEmitter {
  #timer = null;
  // The last stat that worked (null: none yet), and how the last poll went: 0 before
  // the first, 1 after a stat that worked, else the failed one's errno.
  #prev = null;
  #status = 0;
  start(path, interval, persistent, bigint) {
    // What a missing file reports: every field 0, every Date the epoch (as node).
    const emptyStats = () => getStatsFromBinding(ArrayPrototypeFill(new Array(18), bigint ? 0n : 0), bigint);
    const changed = (a, b) => {
      for (let i = 0; i < kCompared.length; i++) {
        if (a[kCompared[i]] !== b[kCompared[i]]) return true;
      }
      return false;
    };
    const poll = () => {
      binding.stat(path, bigint, new WatchRead((err, buf) => {
        if (this.#timer === null) return;
        if (err) {
          // A failure is reported once (the listener sees zeroed stats), until another
          // failure or a stat that works.
          if (this.#status !== err.errno) {
            this.#status = err.errno;
            this.emit('change', emptyStats(), this.#prev ?? emptyStats());
          }
          return;
        }
        const st = getStatsFromBinding(buf, bigint);
        // The first stat is the baseline; after a failure any stat is a change.
        if (this.#status < 0 || (this.#status === 1 && changed(st, this.#prev))) {
          this.emit('change', st, this.#prev ?? emptyStats());
        }
        this.#prev = st;
        this.#status = 1;
      }));
    };
    this.#timer = setInterval(poll, interval);
    if (!persistent) this.#timer.unref();
    setTimerHandle(this, 'StatWatcher', this.#timer);
    poll();
  }
  stop() {
    // Stopping a stopped watcher does nothing (no second 'stop').
    if (this.#timer === null) return;
    clearInterval(this.#timer);
    this.#timer = null;
    clearTimerHandle(this);
    process.nextTick(() => this.emit('stop'));
  }
  ref() { this.#timer?.ref(); return this; }
  unref() { this.#timer?.unref(); return this; }
}

function watchFile(filename, options, listener) {
  const path = toPathString(getValidatedPath(filename, 'filename'));
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = { interval: 5007, persistent: true, bigint: false, ...options };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(path);
  if (!watcher) {
    watcher = new StatWatcher();
    watcher.start(path, options.interval, options.persistent, options.bigint);
    statWatchers.set(path, watcher);
  }
  watcher.on('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  const path = toPathString(getValidatedPath(filename, 'filename'));
  const watcher = statWatchers.get(path);
  if (!watcher) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchPromise, watchFile, unwatchFile };
