'use strict';
// FormData (an ordered list of name -> string or File entries) and the two
// multipart/form-data directions fetch needs: serialize() writes the entries as
// one body with a random boundary (RFC 7578; names quoted with ", CR and LF
// percent-escaped, string values' newlines made CRLF), parseMultipart() reads a
// received body back into a FormData.
// internalBinding: none.

const {
  ArrayPrototypePush, ArrayPrototypeSplice, MathFloor, MathRandom, ObjectDefineProperty, ReflectApply, RegExp,
  RegExpPrototypeExec, StringPrototypeSplit,
  SafeArrayIterator, StringPrototypeIndexOf, StringPrototypeReplace, StringPrototypeSlice,
  StringPrototypeToLowerCase, StringPrototypeTrim, Symbol, SymbolFor, SymbolIterator, SymbolToStringTag, TypeError,
} = primordials;

const { Buffer } = require('buffer');
const { Blob } = require('internal/buffer/blob');
const { File } = require('internal/buffer/file');

const kEntries = Symbol('kEntries');
const customInspect = SymbolFor('nodejs.util.inspect.custom');

function checkArgs(count, needed, context) {
  if (count < needed) {
    throw new TypeError(`${context}: ${needed} argument${needed > 1 ? 's' : ''} required, but ${count === 0 ? '' : 'only '}${count} found.`);
  }
}

// The spec's "create an entry": a Blob becomes a File (named 'blob' unless named).
function makeEntry(name, value, filename, withFilename) {
  name = `${name}`;
  if (value instanceof Blob) {
    if (!(value instanceof File) || withFilename) {
      const fname = withFilename ? `${filename}` : (value instanceof File ? value.name : 'blob');
      value = new File([value], fname, { type: value.type, lastModified: value.lastModified });
    }
  } else {
    value = `${value}`;
  }
  return { __proto__: null, name, value };
}

function checkBrand(value) {
  if (value === null || typeof value !== 'object' || value[kEntries] === undefined) {
    throw new TypeError('Illegal invocation');
  }
}

class FormData {
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError("FormData constructor: Argument 1 could not be converted to: 'HTMLFormElement'.");
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    checkBrand(this);
    checkArgs(arguments.length, 2, 'FormData.append');
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("FormData.append: Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    ArrayPrototypePush(this[kEntries], makeEntry(name, value, filename, arguments.length === 3));
  }

  delete(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'FormData.delete');
    name = `${name}`;
    const entries = this[kEntries];
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].name === name) ArrayPrototypeSplice(entries, i, 1);
    }
  }

  get(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'FormData.get');
    name = `${name}`;
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) if (entries[i].name === name) return entries[i].value;
    return null;
  }

  getAll(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'FormData.getAll');
    name = `${name}`;
    const out = [];
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) if (entries[i].name === name) ArrayPrototypePush(out, entries[i].value);
    return out;
  }

  has(name) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'FormData.has');
    name = `${name}`;
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) if (entries[i].name === name) return true;
    return false;
  }

  set(name, value, filename = undefined) {
    checkBrand(this);
    checkArgs(arguments.length, 2, 'FormData.set');
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("FormData.set: Failed to execute 'set' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    const entry = makeEntry(name, value, filename, arguments.length === 3);
    const entries = this[kEntries];
    let first = -1;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].name !== entry.name) continue;
      if (first !== -1) ArrayPrototypeSplice(entries, first, 1);
      first = i;
    }
    if (first === -1) ArrayPrototypePush(entries, entry);
    else entries[first] = entry;
  }

  * entries() {
    checkBrand(this);
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) yield [entries[i].name, entries[i].value];
  }

  * keys() {
    checkBrand(this);
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) yield entries[i].name;
  }

  * values() {
    checkBrand(this);
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) yield entries[i].value;
  }

  forEach(callback, thisArg = undefined) {
    checkBrand(this);
    checkArgs(arguments.length, 1, 'FormData.forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("FormData.forEach: Argument 1 could not be converted to: Function.");
    }
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) {
      ReflectApply(callback, thisArg, [entries[i].value, entries[i].name, this]);
    }
  }

  [customInspect](depth, options) {
    const shown = {};
    const entries = this[kEntries];
    for (let i = 0; i < entries.length; i++) {
      ObjectDefineProperty(shown, entries[i].name, {
        __proto__: null, value: entries[i].value, writable: true, enumerable: true, configurable: true,
      });
    }
    const { inspect } = require('internal/util/inspect');
    return `FormData ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

ObjectDefineProperty(FormData.prototype, SymbolIterator, {
  __proto__: null, value: FormData.prototype.entries, writable: true, configurable: true,
});
ObjectDefineProperty(FormData.prototype, SymbolToStringTag, { __proto__: null, value: 'FormData', configurable: true });
for (const name of new SafeArrayIterator(['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values',
  'entries', 'forEach'])) {
  ObjectDefineProperty(FormData.prototype, name, { __proto__: null, enumerable: true });
}

function escapeName(name) {
  name = StringPrototypeReplace(name, /\r\n|\r|\n/g, '\r\n');
  return StringPrototypeReplace(StringPrototypeReplace(StringPrototypeReplace(name, /\n/g, '%0A'), /\r/g, '%0D'),
                                /"/g, '%22');
}

// The entries as one multipart body: { bytes, type }.
function serialize(formData) {
  let boundary = '----formdata-coil-';
  for (let i = 0; i < 11; i++) boundary += MathFloor(MathRandom() * 10);
  const parts = [];
  const entries = formData[kEntries];
  const getBlobBytes = require('internal/buffer/blob').getBlobBytes;
  for (let i = 0; i < entries.length; i++) {
    const { name, value } = entries[i];
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (typeof value === 'string') {
      head += '\r\n\r\n';
      ArrayPrototypePush(parts, Buffer.from(head + StringPrototypeReplace(value, /\r\n|\r|\n/g, '\r\n') + '\r\n'));
    } else {
      head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
      ArrayPrototypePush(parts, Buffer.from(head), getBlobBytes(value), Buffer.from('\r\n'));
    }
  }
  ArrayPrototypePush(parts, Buffer.from(`--${boundary}--\r\n`));
  return { __proto__: null, bytes: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// A parameter of a Content-Type value (boundary=...), unquoted, or undefined.
function mimeParameter(type, wanted) {
  const parts = StringPrototypeSplit(type, ';');
  for (let i = 1; i < parts.length; i++) {
    const eq = StringPrototypeIndexOf(parts[i], '=');
    if (eq === -1) continue;
    if (StringPrototypeToLowerCase(StringPrototypeTrim(StringPrototypeSlice(parts[i], 0, eq))) !== wanted) continue;
    let value = StringPrototypeTrim(StringPrototypeSlice(parts[i], eq + 1));
    if (value[0] === '"' && value[value.length - 1] === '"') value = StringPrototypeSlice(value, 1, -1);
    return value;
  }
  return undefined;
}

function failedParse() {
  return new TypeError('Failed to parse body as FormData.');
}

// A disposition parameter (name="..." or filename="..."), percent-escapes undone.
function dispositionParameter(disposition, wanted) {
  const re = new RegExp(`(?:^|;)\\s*${wanted}="((?:[^"\\\\]|\\\\.)*)"`, 'i');
  const match = RegExpPrototypeExec(re, disposition);
  if (match === null) return undefined;
  return StringPrototypeReplace(StringPrototypeReplace(StringPrototypeReplace(match[1], /%22/g, '"'),
                                                      /%0D/gi, '\r'), /%0A/gi, '\n');
}

function parseMultipart(bytes, contentType) {
  const boundary = mimeParameter(contentType, 'boundary');
  if (!boundary) throw failedParse();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  const result = new FormData();
  let pos = buf.indexOf(delimiter);
  if (pos === -1) throw failedParse();
  for (;;) {
    pos += delimiter.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) return result;
    if (buf[pos] !== 0x0d || buf[pos + 1] !== 0x0a) throw failedParse();
    pos += 2;
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd === -1) throw failedParse();
    const headLines = StringPrototypeSplit(buf.latin1Slice(pos, headEnd), '\r\n');
    let disposition;
    let type = '';
    for (const line of new SafeArrayIterator(headLines)) {
      const colon = StringPrototypeIndexOf(line, ':');
      if (colon === -1) continue;
      const field = StringPrototypeToLowerCase(StringPrototypeTrim(StringPrototypeSlice(line, 0, colon)));
      const value = StringPrototypeTrim(StringPrototypeSlice(line, colon + 1));
      if (field === 'content-disposition') disposition = value;
      else if (field === 'content-type') type = value;
    }
    const next = buf.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headEnd + 4);
    if (disposition === undefined || next === -1) throw failedParse();
    const name = dispositionParameter(disposition, 'name');
    if (name === undefined) throw failedParse();
    const content = buf.subarray(headEnd + 4, next);
    const filename = dispositionParameter(disposition, 'filename');
    if (filename !== undefined) {
      ArrayPrototypePush(result[kEntries], {
        __proto__: null, name: Buffer.from(name, 'latin1').toString('utf8'),
        value: new File([content], Buffer.from(filename, 'latin1').toString('utf8'), { type }),
      });
    } else {
      ArrayPrototypePush(result[kEntries], {
        __proto__: null, name: Buffer.from(name, 'latin1').toString('utf8'), value: content.toString('utf8'),
      });
    }
    pos = next + 2;
  }
}

// application/x-www-form-urlencoded into a FormData.
function parseUrlencoded(text) {
  const { URLSearchParams } = require('internal/url');
  const result = new FormData();
  for (const { 0: name, 1: value } of new URLSearchParams(text)) {
    ArrayPrototypePush(result[kEntries], { __proto__: null, name, value });
  }
  return result;
}

module.exports = { FormData, mimeParameter, parseMultipart, parseUrlencoded, serialize };
