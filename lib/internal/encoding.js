'use strict';
// WHATWG TextEncoder and TextDecoder (also util.TextEncoder/TextDecoder and globals).
// TextDecoder knows the encodings Node reaches without ICU tables: utf-8, utf-16le,
// utf-16be and the windows-1252 labels (decoded byte-per-code-point, as Node 20 does).
// Streaming keeps an unfinished character's bytes between calls; BOM handling and
// fatal mode follow the Encoding Standard, errors follow Node.
//
// internalBinding('buffer') functions used (see src/binding/buffer.rs):
//   encodeUtf8String(string) -> Uint8Array
//   encodeInto(string, u8, results: Uint32Array(2)) -> results = [read, written]
//   utf8Slice|latin1Slice|ucs2Slice(u8, start, end) -> string
//   isUtf8(u8, start, end) -> boolean          well-formed UTF-8?
//   utf8IncompleteTail(u8) -> n                final bytes that start an unfinished char

const {
  ArrayBufferIsView, ObjectAssign, ObjectCreate, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames, ObjectGetPrototypeOf, ObjectPrototypeToString,
  SafeArrayIterator, SafeMap, StringPrototypeCharCodeAt, Uint32Array,
  StringPrototypeToLowerCase, SymbolFor, SymbolToStringTag, TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const {
  codes: { ERR_ENCODING_NOT_SUPPORTED, ERR_ENCODING_INVALID_ENCODED_DATA, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateObject, kValidateObjectAllowNullable, kValidateObjectAllowArray, kValidateObjectAllowFunction } =
  require('internal/validators');
const binding = internalBinding('buffer');

const customInspect = SymbolFor('nodejs.util.inspect.custom');
// encodeInto's [read, written], one array for every call (the binding runs no
// JS): a new 8-byte array per call lives on V8's heap, and handing it to native
// code moved its bytes to a new backing store each time (~380 ns of a ~450 ns
// call).
const encodeIntoResults = new Uint32Array(2);
const kOptionsBag = kValidateObjectAllowNullable | kValidateObjectAllowArray | kValidateObjectAllowFunction;

const labels = new SafeMap();
function addLabels(encoding, list) { for (const l of new SafeArrayIterator(list)) labels.set(l, encoding); }
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
  'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
  'windows-1252', 'x-cp1252']);

// Labels are matched after trimming ASCII whitespace and lowercasing.
function getEncodingFromLabel(label) {
  return labels.get(StringPrototypeToLowerCase(regExpReplace(`${label}`, /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')));
}

// The view's own kind (an internal slot), as node's native check reads it: a
// subclass that overrides Symbol.toStringTag is still a Uint8Array.
function isUint8Array(v) {
  return TypedArrayPrototypeGetSymbolToStringTag(v) === 'Uint8Array';
}

// A named stand-in so util.inspect prints `TextDecoder { ... }` for the summary
// object without finding the real class's custom inspector again.
function inspectAs(name, fields) {
  const Stub = function() {};
  ObjectDefineProperty(Stub, 'name', { __proto__: null, value: name });
  return ObjectAssign(ObjectCreate(Stub.prototype), fields);
}

// A private field brands TextEncoders (one inline-cached check, no WeakSet probe).
let isEncoder;

class TextEncoder {
  #brand = true;

  static {
    isEncoder = (self) => self !== null && typeof self === 'object' && #brand in self;
  }

  get encoding() {
    if (!isEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!isEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    return binding.encodeUtf8String(`${input}`);
  }

  encodeInto(src, dest) {
    if (!isEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    if (typeof src !== 'string') throw new ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (!isUint8Array(dest)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    binding.encodeInto(src, dest, encodeIntoResults);
    return { read: encodeIntoResults[0], written: encodeIntoResults[1] };
  }

  [customInspect](depth, options, inspect) {
    if (!isEncoder(this)) return this;
    return inspect({ encoding: 'utf-8' }, options);
  }
}

// Each decoder's state, in a private field: reading it is one inline-cached load
// (a WeakMap lookup was a hash probe per decode()).
let decoderState;
let decoderStateOrUndefined;

// Node's message for a non-buffer input (no "Received ..." part).
function invalidInput() {
  const e = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// A plain Uint8Array or Buffer is used as it is: a new view per decode() was most
// of a 1 KiB decode's time (V8 10.2 makes typed arrays slowly). Other views (and
// user subclasses, which may redefine what they show) get a byte view.
const Uint8ArrayPrototype = Uint8Array.prototype;
const FastBufferPrototype = require('internal/buffer/fast_buffer').FastBuffer.prototype;
function toBytes(input) {
  if (ArrayBufferIsView(input)) {
    const proto = ObjectGetPrototypeOf(input);
    if (proto === FastBufferPrototype || proto === Uint8ArrayPrototype) return input;
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  const tag = ObjectPrototypeToString(input);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(input);
  throw invalidInput();
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const kLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const kAnySurrogate = /[\uD800-\uDFFF]/;

class TextDecoder {
  #state;

  static {
    decoderStateOrUndefined = (self) =>
      (self !== null && typeof self === 'object' && #state in self ? self.#state : undefined);
    decoderState = (self) => {
      const s = decoderStateOrUndefined(self);
      if (s === undefined) throw new ERR_INVALID_THIS('TextDecoder');
      return s;
    };
  }

  constructor(encoding = 'utf-8', options = undefined) {
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options !== undefined) validateObject(options, 'options', kOptionsBag);
    const fatal = Boolean(options?.fatal);
    this.#state = {
      encoding: enc,
      fatal,
      ignoreBOM: Boolean(options?.ignoreBOM),
      // utf-8 replacing errors: a whole view decodes in one native call.
      plainUtf8: enc === 'utf-8' && !fatal,
      pending: null, // bytes of an unfinished character from the previous chunk
      bomSeen: false, // the stream has produced output, so a BOM is data now
    };
  }

  decode(input = undefined, options = undefined) {
    const s = decoderState(this);
    // The common call: a whole buffer, not streaming, no state from before. The
    // binding reads any view's bytes itself (a subclass's getters do not matter).
    if (s.plainUtf8 && options === undefined && s.pending === null && !s.bomSeen &&
        ArrayBufferIsView(input)) {
      const out = binding.utf8Slice(input);
      if (!s.ignoreBOM && out.length > 0 && StringPrototypeCharCodeAt(out, 0) === 0xfeff) return sliceOf(out, 1);
      return out;
    }
    let bytes = input === undefined ? new Uint8Array(0) : toBytes(input);
    const stream = options !== null && typeof options === 'object' && Boolean(options.stream);
    if (s.pending !== null) {
      bytes = concat(s.pending, bytes);
      s.pending = null;
    }
    let out;
    switch (s.encoding) {
      case 'utf-8': out = decodeUtf8(s, bytes, stream); break;
      case 'utf-16le': out = decodeUtf16(s, bytes, stream, false); break;
      case 'utf-16be': out = decodeUtf16(s, bytes, stream, true); break;
      default: out = binding.latin1Slice(bytes, 0, bytes.length);
    }
    if (!s.ignoreBOM && !s.bomSeen && s.encoding !== 'windows-1252' && out.length > 0) {
      if (StringPrototypeCharCodeAt(out, 0) === 0xfeff) out = sliceOf(out, 1);
      s.bomSeen = true;
    }
    if (!stream) {
      s.pending = null;
      s.bomSeen = false;
    }
    return out;
  }

  get encoding() { return decoderState(this).encoding; }
  get fatal() { return decoderState(this).fatal; }
  get ignoreBOM() { return decoderState(this).ignoreBOM; }

  [customInspect](depth, options, inspect) {
    const s = decoderStateOrUndefined(this);
    if (s === undefined) return this;
    return inspect(inspectAs('TextDecoder', { encoding: s.encoding, fatal: s.fatal, ignoreBOM: s.ignoreBOM }), options);
  }
}

function decodeUtf8(s, bytes, stream) {
  let end = bytes.length;
  if (stream) {
    const tail = binding.utf8IncompleteTail(bytes);
    if (tail > 0) {
      s.pending = sliceOf(bytes, end - tail);
      end -= tail;
    }
  }
  if (s.fatal && !binding.isUtf8(bytes, 0, end)) {
    s.pending = null;
    s.bomSeen = false;
    throw new ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
  }
  return binding.utf8Slice(bytes, 0, end);
}

function decodeUtf16(s, bytes, stream, bigEndian) {
  let end = bytes.length;
  if (stream) {
    // Keep an odd byte, and a high surrogate that may pair with the next chunk.
    end -= end & 1;
    if (end >= 2) {
      const hi = bigEndian ? bytes[end - 2] : bytes[end - 1];
      if (hi >= 0xd8 && hi <= 0xdb) end -= 2;
    }
    if (end < bytes.length) s.pending = sliceOf(bytes, end);
  }
  let units = bytes;
  if (bigEndian) {
    units = new Uint8Array(end - (end & 1));
    for (let i = 0; i < units.length; i += 2) {
      units[i] = bytes[i + 1];
      units[i + 1] = bytes[i];
    }
  }
  let out = binding.ucs2Slice(units, 0, end);
  const oddByte = (end & 1) === 1;
  if (regExpTest(kAnySurrogate, out)) {
    kLoneSurrogate.lastIndex = 0;
    if (s.fatal && regExpTest(kLoneSurrogate, out)) return fail16(s, bigEndian);
    out = regExpReplace(out, kLoneSurrogate, '\ufffd');
  }
  if (oddByte) {
    if (s.fatal) return fail16(s, bigEndian);
    out += '\ufffd';
  }
  return out;
}

function fail16(s, bigEndian) {
  s.pending = null;
  s.bomSeen = false;
  throw new ERR_ENCODING_INVALID_ENCODED_DATA(bigEndian ? 'utf-16be' : 'utf-16le');
}

for (const [Cls, name] of new SafeArrayIterator([[TextEncoder, 'TextEncoder'], [TextDecoder, 'TextDecoder']])) {
  ObjectDefineProperty(Cls.prototype, SymbolToStringTag, { __proto__: null, value: name, configurable: true });
  for (const key of new SafeArrayIterator(ObjectGetOwnPropertyNames(Cls.prototype))) {
    if (key === 'constructor') continue;
    const d = ObjectGetOwnPropertyDescriptor(Cls.prototype, key);
    ObjectDefineProperty(Cls.prototype, key, { __proto__: null, ...d, enumerable: true });
  }
}

module.exports = { TextEncoder, TextDecoder, getEncodingFromLabel };
