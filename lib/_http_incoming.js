'use strict';
// http.IncomingMessage: a request the server read (or a response the client
// read) as a Readable of its body. The head arrives as rawHeaders, a flat
// [name, value, ...] array straight from the parser; `headers`,
// `headersDistinct`, `trailers` and `trailersDistinct` are built from it on
// first use, with Node's rules for repeated fields (set-cookie a list, cookie
// joined by '; ', single-valued fields keep the first, others joined by ', ').

const {
  ArrayPrototypePush, FunctionPrototypeCall, Object, ObjectDefineProperty, ObjectSetPrototypeOf,
  StringPrototypeToLowerCase, Symbol,
} = primordials;

const { Readable } = require('stream');
const { ReadableState } = require('internal/streams/readable'); // captured at load
const eos = require('internal/streams/end-of-stream');

const ObjectPrototype = Object.prototype;
const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
// Set only on a head past its parser's maxHeadersCount: how many rawHeaders
// entries make `headers` (rawHeaders keeps them all, as node's).
const kHeadersCount = Symbol('kHeadersCount');
// Set when the body's reader paused the socket (resumed by _read).
const kPausedSocket = Symbol('kPausedSocket');
// Set while the message's Readable is not made yet; kEndOwed: its end came meanwhile.
const kLazy = Symbol('kLazy');
const kEndOwed = Symbol('kEndOwed');
const kDumpOwed = Symbol('kDumpOwed');

// The options every IncomingMessage gives Readable: one object per high-water
// mark, made by `new` (a `{ __proto__: null, ... }` literal per message would be
// a new dictionary-mode object for Readable to look each option up in).
function ReadableOptions(highWaterMark) {
  this.highWaterMark = highWaterMark;
}
ObjectSetPrototypeOf(ReadableOptions.prototype, null);
let lastOptions = new ReadableOptions(undefined);

function IncomingMessage(socket) {
  if (typeof this._construct === 'function') {
    FunctionPrototypeCall(Readable, this, readableOptions(socket));
    this._readableState.readingMore = true;
    this[kLazy] = false;
  } else {
    // The Readable's state is made when something first touches it
    // (materialize), its listener table with the first listener: a request
    // with no body that nobody reads or listens to needs neither.
    this[kLazy] = true;
  }
  this[kEndOwed] = false;
  this[kDumpOwed] = false;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
  this[kTrailers] = null;
  this[kTrailersDistinct] = null;
  this[kPausedSocket] = false;
}
ObjectSetPrototypeOf(IncomingMessage.prototype, Readable.prototype);
ObjectSetPrototypeOf(IncomingMessage, Readable);

function readableOptions(socket) {
  const highWaterMark = socket ? socket.readableHighWaterMark : undefined;
  if (lastOptions.highWaterMark !== highWaterMark) lastOptions = new ReadableOptions(highWaterMark);
  return lastOptions;
}

// Defines `_readableState` as an own data property of an existing message: a
// class field is defined (not assigned, so the prototype's accessor is not
// called) on the object the base constructor returns, through V8's inline
// cache — where ObjectDefineProperty is a runtime call of ~300 ns.
class ReturnsGiven {
  constructor(target) {
    return target; // eslint-disable-line no-constructor-return
  }
}
let stateToDefine;
class StateDefiner extends ReturnsGiven {
  _readableState = stateToDefine;
  constructor(target) { // no default (...args) constructor: nothing iterates
    super(target);
  }
}
function defineState(msg, state) {
  stateToDefine = state;
  new StateDefiner(msg); // eslint-disable-line no-new
  stateToDefine = undefined;
}

// Makes the message's Readable state: what Readable's constructor does for these
// options (no read, destroy, construct or signal among them; a message is never
// a Duplex), without its checks for them. An end pushed before (a message
// complete before anyone looked) is applied as push(null) and the tick after it
// would have left it: ended, with nothing to emit until someone reads. The
// listener table needs nothing: EventEmitter makes it with the first listener.
function materialize(msg) {
  msg[kLazy] = false;
  const state = new ReadableState(readableOptions(msg.socket), msg, false);
  state.readingMore = true;
  if (msg[kEndOwed]) {
    msg[kEndOwed] = false;
    state.ended = true;
    state.reading = false;
    state.needReadable = false;
  }
  if (msg[kDumpOwed]) {
    msg[kDumpOwed] = false;
    dumpedState(state);
  }
  defineState(msg, state);
  return state;
}

// The Readable state, made on first use. Reached only while the message has no
// own `_readableState` (a prototype, or a message not yet materialized).
ObjectDefineProperty(IncomingMessage.prototype, '_readableState', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() {
    return this[kLazy] === true ? materialize(this) : undefined;
  },
  set(value) {
    if (this[kLazy] === true) this[kLazy] = false;
    defineState(this, value);
  },
});

// What the resume, 'end' and auto-destroy of a complete message nobody listens
// to leave in its state (node's dump of an unread request after the response).
function dumpedState(state) {
  state.flowing = !state.readableListening;
  state.paused = false;
  state.resumeScheduled = false;
  state.reading = false;
  state.needReadable = false;
  state.emittedReadable = false;
  state.ended = true;
  state.endEmitted = true;
  state.destroyed = true;
  state.closed = true;
  state.closeEmitted = true;
}

// A complete message with no listeners, its response finished: dumped with no
// resume/'end'/'close' round, as nobody could observe one (the state it would
// leave is written directly, or when the state is first made).
function dumpUnheard(msg) {
  msg._dumped = true;
  if (msg[kLazy] === true) msg[kDumpOwed] = true;
  else if (msg._readableState) dumpedState(msg._readableState);
}

// Whether the message's Readable exists yet (nothing has read or listened).
function isMaterialized(msg) {
  return msg[kLazy] !== true;
}

function accessor(name, get, set) {
  ObjectDefineProperty(IncomingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

accessor('connection', function() { return this.socket; }, function(v) { this.socket = v; });

accessor('headers', function() {
  if (this[kHeaders] === null) {
    this[kHeaders] = joinFields(this.rawHeaders, this.joinDuplicateHeaders, this[kHeadersCount]);
  }
  return this[kHeaders];
}, function(v) { this[kHeaders] = v; });

accessor('headersDistinct', function() {
  if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctFields(this.rawHeaders, this[kHeadersCount]);
  return this[kHeadersDistinct];
}, function(v) { this[kHeadersDistinct] = v; });

accessor('trailers', function() {
  if (this[kTrailers] === null) this[kTrailers] = joinFields(this.rawTrailers, this.joinDuplicateHeaders);
  return this[kTrailers];
}, function(v) { this[kTrailers] = v; });

accessor('trailersDistinct', function() {
  if (this[kTrailersDistinct] === null) this[kTrailersDistinct] = distinctFields(this.rawTrailers);
  return this[kTrailersDistinct];
}, function(v) { this[kTrailersDistinct] = v; });

// How a repeated field is kept: 0 first wins, 1 list (set-cookie), 2 '; ' (cookie),
// otherwise joined with ', '.
const kFirstWins = 0, kList = 1, kCookie = 2, kComma = 3;
function duplicateRule(lower) {
  switch (lower) {
    case 'set-cookie': return kList;
    case 'cookie': return kCookie;
    case 'content-type': case 'content-length': case 'user-agent': case 'referer':
    case 'host': case 'authorization': case 'proxy-authorization':
    case 'if-modified-since': case 'if-unmodified-since': case 'from': case 'location':
    case 'max-forwards': case 'retry-after': case 'etag': case 'last-modified':
    case 'server': case 'age': case 'expires':
      return kFirstWins;
    default: return kComma;
  }
}

function joinFields(raw, joinAll, end = raw.length) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < end && i + 1 < raw.length; i += 2) {
    const lower = StringPrototypeToLowerCase(raw[i]);
    const value = raw[i + 1];
    // joinDuplicateHeaders joins the first-wins fields too; cookies keep '; '.
    let rule = duplicateRule(lower);
    if (joinAll && rule === kFirstWins) rule = kComma;
    const old = out[lower];
    if (old === undefined) {
      out[lower] = rule === kList ? [value] : value;
    } else if (rule === kList) {
      ArrayPrototypePush(old, value);
    } else if (rule === kCookie) {
      out[lower] = `${old}; ${value}`;
    } else if (rule === kComma) {
      out[lower] = `${old}, ${value}`;
    }
  }
  // Node's headers object has Object.prototype.
  ObjectSetPrototypeOf(out, ObjectPrototype);
  return out;
}

function distinctFields(raw, end = raw.length) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < end && i + 1 < raw.length; i += 2) {
    const lower = StringPrototypeToLowerCase(raw[i]);
    const list = out[lower];
    if (list === undefined) out[lower] = [raw[i + 1]];
    else ArrayPrototypePush(list, raw[i + 1]);
  }
  // Node 20's headersDistinct and trailersDistinct keep a null prototype.
  return out;
}

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

// Set on a socket its HTTP server paused itself (answers backed up): reading
// it on is the server's call, not a request reader's (node's socket._paused).
const kBackedUp = Symbol('kBackedUp');

// The reader wants more: the socket reads on, whoever paused it (the body's
// full buffer, or a socket.pause() in a handler, as in node), unless its
// server holds it.
IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  this[kPausedSocket] = false;
  const socket = this.socket;
  if (socket && !socket.destroyed && socket[kBackedUp] !== true &&
      (socket._readableState === undefined || socket._readableState.flowing === false)) {
    socket.resume();
  }
};

// Pushes a body part; a full buffer pauses the socket until _read.
IncomingMessage.prototype._pushBody = function _pushBody(chunk) {
  if (!this.push(chunk) && this.socket) {
    this[kPausedSocket] = true;
    this.socket.pause();
  }
};

// The message is complete: no more body goes to this reader, so a socket it had
// paused reads on (the next message on the connection must not wait for it).
IncomingMessage.prototype._pushEnd = function _pushEnd() {
  this.complete = true;
  if (this[kLazy] === true) {
    this[kEndOwed] = true;
    return;
  }
  this.push(null);
  if (this[kPausedSocket]) {
    this[kPausedSocket] = false;
    const socket = this.socket;
    if (socket && !socket.destroyed) socket.resume();
  }
};

// Reads and drops the rest of a body nobody consumed, so the connection can go on.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  // As node: a message destroyed before it was read to its end takes its
  // connection with it (the rest of its body, and the answer, are lost), and is
  // closed a tick after the socket is; else on the next tick.
  const socket = this.socket;
  if (socket && !socket.destroyed && this.aborted) {
    socket.destroy(err);
    eos(socket, () => process.nextTick(destroyed, this, err, cb));
  } else {
    process.nextTick(destroyed, this, err, cb);
  }
};

// As node: an abort is an 'error' only for those who listen for one (then).
function destroyed(msg, err, cb) {
  cb(msg.listenerCount('error') > 0 ? err : undefined);
}

module.exports = { IncomingMessage, joinFields, isMaterialized, dumpUnheard, kBackedUp, kHeadersCount };
