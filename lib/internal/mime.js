'use strict';
// util.MIMEType and util.MIMEParams: the WHATWG MIME Sniffing standard's "parse a
// MIME type" and "serialize a MIME type", with Node's ERR_INVALID_MIME_SYNTAX
// errors (the index, when given, is relative to the part that failed). No
// internalBinding.

const {
  ObjectDefineProperty, RegExpPrototypeExec, SafeMap, StringPrototypeToLowerCase, SymbolIterator,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { includesIn, indexOfIn, sliceOf } = require('internal/util/either');

const { codes: { ERR_INVALID_MIME_SYNTAX } } = require('internal/errors');

// HTTP token code points: ASCII alphanumerics and !#$%&'*+-.^_`|~
const notToken = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
// HTTP quoted-string token code points: tab, U+0020-U+007E, U+0080-U+00FF.
const notQuotedStringToken = /[^\t\u0020-\u007E\u0080-\u00FF]/;
const httpWhitespace = '\t\n\r ';
const leadingWhitespace = /^[\t\n\r ]+/;
const trailingWhitespace = /[\t\n\r ]+$/;

function invalidIndex(str, pattern) {
  const m = RegExpPrototypeExec(pattern, str);
  return m === null ? -1 : m.index;
}

// Throws Node's error unless `str` is a non-empty run of token code points.
function validateToken(str, production, input = str) {
  if (str.length === 0) throw new ERR_INVALID_MIME_SYNTAX(production, input, -1);
  const at = invalidIndex(str, notToken);
  if (at !== -1) throw new ERR_INVALID_MIME_SYNTAX(production, input, at);
}

function serializeValue(value) {
  if (value.length !== 0 && !regExpTest(notToken, value)) return value;
  return `"${regExpReplace(value, /["\\]/g, '\\$&')}"`;
}

// "Collect an HTTP quoted string" with the extract-value flag, from the quote at
// `start`; returns [value, position after it].
function collectQuotedString(str, start) {
  let value = '';
  let pos = start + 1;
  for (;;) {
    while (pos < str.length && str[pos] !== '"' && str[pos] !== '\\') value += str[pos++];
    if (pos >= str.length) break;
    const quoteOrBackslash = str[pos++];
    if (quoteOrBackslash === '\\') {
      if (pos >= str.length) {
        value += '\\';
        break;
      }
      value += str[pos++];
    } else {
      break;
    }
  }
  return [value, pos];
}

function parseParameters(str, pos, params) {
  while (pos < str.length) {
    pos++; // past ';'
    while (pos < str.length && includesIn(httpWhitespace, str[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < str.length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    const name = StringPrototypeToLowerCase(sliceOf(str, pos, nameEnd));
    pos = nameEnd;
    if (pos >= str.length) break;
    if (str[pos] === ';') continue;
    pos++; // past '='
    if (pos >= str.length) break;
    let value;
    if (str[pos] === '"') {
      [value, pos] = collectQuotedString(str, pos);
      while (pos < str.length && str[pos] !== ';') pos++;
    } else {
      let valueEnd = pos;
      while (valueEnd < str.length && str[valueEnd] !== ';') valueEnd++;
      value = regExpReplace(sliceOf(str, pos, valueEnd), trailingWhitespace, '');
      pos = valueEnd;
      if (value.length === 0) continue;
    }
    if (name.length !== 0 && !regExpTest(notToken, name) && !regExpTest(notQuotedStringToken, value) && !params.has(name)) {
      params.set(name, value);
    }
  }
}

class MIMEParams {
  #data = new SafeMap();

  delete(name) {
    this.#data.delete(`${name}`);
  }

  get(name) {
    const value = this.#data.get(`${name}`);
    return value === undefined ? null : value;
  }

  has(name) {
    return this.#data.has(`${name}`);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    validateToken(name, 'parameter name');
    const at = invalidIndex(value, notQuotedStringToken);
    if (at !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, at);
    this.#data.set(name, value);
  }

  * entries() {
    yield* this.#data.entries();
  }

  * keys() {
    yield* this.#data.keys();
  }

  * values() {
    yield* this.#data.values();
  }

  toString() {
    let out = '';
    for (const { 0: name, 1: value } of this.#data) {
      if (out.length !== 0) out += ';';
      out += `${name}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  // Lets MIMEType fill a fresh instance while parsing, without re-validating.
  static fill(params, fn) {
    fn(params.#data);
  }
}
ObjectDefineProperty(MIMEParams.prototype, SymbolIterator, {
  __proto__: null,
  value: MIMEParams.prototype.entries, writable: true, configurable: true, enumerable: false,
});
const fillParams = MIMEParams.fill;
delete MIMEParams.fill;

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    // Node skips leading whitespace only; trailing whitespace is trimmed from the
    // subtype and parameter values, and error messages quote the input as given.
    const str = `${string}`;
    const start = str.length - regExpReplace(str, leadingWhitespace, '').length;
    const slash = indexOfIn(str, '/', start);
    const type = slash === -1 ? sliceOf(str, start) : sliceOf(str, start, slash);
    validateToken(type, 'type', str);
    if (slash === -1) throw new ERR_INVALID_MIME_SYNTAX('type', str, -1);
    let end = indexOfIn(str, ';', slash + 1);
    if (end === -1) end = str.length;
    const subtype = regExpReplace(sliceOf(str, slash + 1, end), trailingWhitespace, '');
    validateToken(subtype, 'subtype', str);
    this.#type = StringPrototypeToLowerCase(type);
    this.#subtype = StringPrototypeToLowerCase(subtype);
    fillParams(this.#params, (data) => parseParameters(str, end, data));
  }

  get type() { return this.#type; }

  set type(value) {
    value = `${value}`;
    validateToken(value, 'type');
    this.#type = StringPrototypeToLowerCase(value);
  }

  get subtype() { return this.#subtype; }

  set subtype(value) {
    value = `${value}`;
    validateToken(value, 'subtype');
    this.#subtype = StringPrototypeToLowerCase(value);
  }

  get essence() { return `${this.#type}/${this.#subtype}`; }

  get params() { return this.#params; }

  toString() {
    const params = this.#params.toString();
    return params.length === 0 ? this.essence : `${this.essence};${params}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
