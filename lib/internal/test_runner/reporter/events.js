'use strict';
// How a test file run by `--test` (or run()) in its own coil process hands its
// events to the parent: one line per event on stdout, after a marker, as JSON with
// tags for what JSON lacks (undefined, bigints, errors with their stack and
// fields). Everything else on the child's stdout is the tests' own output.
// The child's summary (its root plan and counts) is the parent's to write.

const {
  ArrayIsArray, BigInt, Error, JSONParse, JSONStringify, NumberIsFinite, ObjectDefineProperty, ObjectKeys,
  StringPrototypeIndexOf, StringPrototypeSlice, Symbol,
} = primordials;

const MARKER = '\u0000coil-test-event:';

function encode(value, depth = 0) {
  if (value === undefined) return { $u: 1 };
  if (typeof value === 'bigint') return { $b: `${value}` };
  if (typeof value === 'number' && !NumberIsFinite(value)) return { $n: `${value}` };
  if (typeof value === 'function') return { $f: value.name };
  if (typeof value === 'symbol') return { $s: value.description };
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return { $f: '[depth]' };
  if (typeof value.stack === 'string' && typeof value.message === 'string') {
    // Own enumerable fields in their order (inspect shows them so).
    const e = { name: value.name, message: value.message, stack: value.stack, fields: {} };
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) e.fields[keys[i]] = encode(value[keys[i]], depth + 1);
    return { $e: e };
  }
  if (ArrayIsArray(value)) {
    const out = [];
    for (let i = 0; i < value.length; i++) out[i] = encode(value[i], depth + 1);
    return out;
  }
  const out = {};
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = encode(value[keys[i]], depth + 1);
  return out;
}

function decode(value) {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayIsArray(value)) {
    const out = [];
    for (let i = 0; i < value.length; i++) out[i] = decode(value[i]);
    return out;
  }
  if ('$u' in value) return undefined;
  if ('$b' in value) return BigInt(value.$b);
  if ('$n' in value) return +value.$n;
  if ('$f' in value) return value.$f;
  if ('$s' in value) return Symbol(value.$s);
  if ('$e' in value) {
    const e = value.$e;
    const err = new Error(e.message);
    ObjectDefineProperty(err, 'stack', { __proto__: null, value: e.stack, writable: true, configurable: true });
    if (e.name !== 'Error') {
      ObjectDefineProperty(err, 'name', { __proto__: null, value: e.name, writable: true, configurable: true });
    }
    const keys = ObjectKeys(e.fields);
    for (let i = 0; i < keys.length; i++) err[keys[i]] = decode(e.fields[keys[i]]);
    return err;
  }
  const out = {};
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = decode(value[keys[i]]);
  return out;
}

class EventsFormatter {
  constructor() { this.done = false; }

  format({ type, data }) {
    if (this.done) return '';
    if (type === 'test:plan' && data.nesting === 0 && data.file === undefined) {
      this.done = true;
      return '';
    }
    return `${MARKER}${JSONStringify({ type, data: encode(data) })}\n`;
  }

  flush() { return ''; }
}

// Splits a child's stdout into events and plain output; feed() takes chunks.
class EventsParser {
  constructor(onEvent, onOutput) {
    this.rest = '';
    this.onEvent = onEvent;
    this.onOutput = onOutput;
  }

  feed(chunk) {
    let text = this.rest + chunk;
    let nl;
    while ((nl = StringPrototypeIndexOf(text, '\n')) !== -1) {
      this.line(StringPrototypeSlice(text, 0, nl + 1));
      text = StringPrototypeSlice(text, nl + 1);
    }
    this.rest = text;
  }

  end() {
    if (this.rest !== '') this.line(this.rest);
    this.rest = '';
  }

  line(line) {
    const at = StringPrototypeIndexOf(line, MARKER);
    if (at === -1) {
      this.onOutput(line);
      return;
    }
    if (at > 0) this.onOutput(StringPrototypeSlice(line, 0, at));
    let parsed;
    try {
      parsed = JSONParse(StringPrototypeSlice(line, at + MARKER.length));
    } catch {
      this.onOutput(line);
      return;
    }
    this.onEvent(parsed.type, decode(parsed.data));
  }
}

module.exports = { EventsFormatter, EventsParser, encode, decode };
