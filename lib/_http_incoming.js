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
const { Stream } = require('internal/streams/legacy');
const { ReadableState } = require('internal/streams/readable'); // captured at load

const ObjectPrototype = Object.prototype;
const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
// Set when the body's reader paused the socket (resumed by _read).
const kPausedSocket = Symbol('kPausedSocket');

// The options every IncomingMessage gives Readable: one object per high-water
// mark, made by `new` (a `{ __proto__: null, ... }` literal per message would be
// a new dictionary-mode object for Readable to look each option up in).
function ReadableOptions(highWaterMark) {
  this.highWaterMark = highWaterMark;
}
ObjectSetPrototypeOf(ReadableOptions.prototype, null);
let lastOptions = new ReadableOptions(undefined);

function IncomingMessage(socket) {
  const highWaterMark = socket ? socket.readableHighWaterMark : undefined;
  if (lastOptions.highWaterMark !== highWaterMark) lastOptions = new ReadableOptions(highWaterMark);
  if (typeof this._construct === 'function') {
    FunctionPrototypeCall(Readable, this, lastOptions);
  } else {
    // What Readable's constructor does for these options (no read, destroy,
    // construct or signal among them; a message is never a Duplex), without its
    // checks for them.
    this._readableState = new ReadableState(lastOptions, this, false);
    FunctionPrototypeCall(Stream, this, lastOptions);
  }
  this._readableState.readingMore = true;
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

function accessor(name, get, set) {
  ObjectDefineProperty(IncomingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

accessor('connection', function() { return this.socket; }, function(v) { this.socket = v; });

accessor('headers', function() {
  if (this[kHeaders] === null) this[kHeaders] = joinFields(this.rawHeaders, this.joinDuplicateHeaders);
  return this[kHeaders];
}, function(v) { this[kHeaders] = v; });

accessor('headersDistinct', function() {
  if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctFields(this.rawHeaders);
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

function joinFields(raw, joinAll) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const lower = StringPrototypeToLowerCase(raw[i]);
    const value = raw[i + 1];
    const rule = joinAll ? (lower === 'set-cookie' ? kList : kComma) : duplicateRule(lower);
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

function distinctFields(raw) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const lower = StringPrototypeToLowerCase(raw[i]);
    const list = out[lower];
    if (list === undefined) out[lower] = [raw[i + 1]];
    else ArrayPrototypePush(list, raw[i + 1]);
  }
  ObjectSetPrototypeOf(out, ObjectPrototype);
  return out;
}

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

// The reader wants more: take up reading the socket if the body paused it.
IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  if (this[kPausedSocket]) {
    this[kPausedSocket] = false;
    const socket = this.socket;
    if (socket && !socket.destroyed) socket.resume();
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
  const socket = this.socket;
  if (socket && !socket.destroyed && !this.complete) socket.destroy(err);
  // As node: an abort is an 'error' only for those who listen for one.
  cb(this.listenerCount('error') > 0 ? err : undefined);
};

module.exports = { IncomingMessage, joinFields };
