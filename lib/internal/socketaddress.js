'use strict';
// net.SocketAddress: a validated IPv4/IPv6 address, port and flow label, and the
// address parsing/formatting (inet_pton/inet_ntop rules) that net.BlockList shares.
// internalBinding: none.

const {
  ArrayPrototypeJoin, NumberParseInt, NumberPrototypeToString, ObjectFreeze,
  StringPrototypeCharCodeAt, StringPrototypeIndexOf,
  StringPrototypeSlice, StringPrototypeSplit, StringPrototypeToLowerCase, SymbolFor,
} = primordials;
const { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const {
  validateObject, validatePort, validateString, validateUint32,
} = require('internal/validators');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
let wordsOf;

// Dotted-quad IPv4 (four decimal parts 0..255, no leading zeros) to a number; -1 if not one.
function parseIPv4(s) {
  const parts = StringPrototypeSplit(s, '.');
  if (parts.length !== 4) return -1;
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (part.length === 0 || part.length > 3 || (part.length > 1 && part[0] === '0')) return -1;
    for (let j = 0; j < part.length; j++) {
      const c = StringPrototypeCharCodeAt(part, j);
      if (c < 48 || c > 57) return -1;
    }
    const n = NumberParseInt(part, 10);
    if (n > 255) return -1;
    value = value * 256 + n;
  }
  return value;
}

function parseHexGroup(g) {
  if (g.length === 0 || g.length > 4) return -1;
  for (let j = 0; j < g.length; j++) {
    const c = StringPrototypeCharCodeAt(g, j);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return -1;
  }
  return NumberParseInt(g, 16);
}

// IPv6 text to eight 16-bit words; null if not an address inet_pton accepts.
function parseIPv6(s) {
  // A zone ('%eth0') is accepted and dropped, as uv_inet_pton does.
  const zone = StringPrototypeIndexOf(s, '%');
  if (zone !== -1) s = StringPrototypeSlice(s, 0, zone);
  let head = s;
  let tail = '';
  const gap = StringPrototypeIndexOf(s, '::');
  if (gap !== -1) {
    if (StringPrototypeIndexOf(s, '::', gap + 1) !== -1) return null;
    head = StringPrototypeSlice(s, 0, gap);
    tail = StringPrototypeSlice(s, gap + 2);
  }
  const headWords = [];
  const tailWords = [];
  if (!groups(head, headWords, gap === -1 || tail === '') ||
      !groups(tail, tailWords, true)) return null;
  const total = headWords.length + tailWords.length;
  if (gap === -1 ? total !== 8 : total > 7) return null;
  const words = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < headWords.length; i++) words[i] = headWords[i];
  for (let i = 0; i < tailWords.length; i++) words[8 - tailWords.length + i] = tailWords[i];
  return words;
}

// Colon-separated groups of `text` into `out`; the last may be dotted IPv4 when `last`.
function groups(text, out, last) {
  if (text === '') return true;
  const parts = StringPrototypeSplit(text, ':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (last && i === parts.length - 1 && StringPrototypeIndexOf(part, '.') !== -1) {
      const v4 = parseIPv4(part);
      if (v4 === -1) return false;
      out[out.length] = (v4 / 65536) >>> 0;
      out[out.length] = v4 % 65536;
    } else {
      const w = parseHexGroup(part);
      if (w === -1) return false;
      out[out.length] = w;
    }
  }
  return true;
}

// IPv4 number to its IPv4-mapped IPv6 words, so both families compare in one space.
function mappedWords(v4) {
  return [0, 0, 0, 0, 0, 0xFFFF, (v4 / 65536) >>> 0, v4 % 65536];
}

function formatIPv4(v4) {
  return `${(v4 / 16777216) >>> 0}.${((v4 / 65536) >>> 0) % 256}.${((v4 / 256) >>> 0) % 256}.${v4 % 256}`;
}

// Eight words to text as inet_ntop writes it: the longest run of two or more zero
// words becomes '::', and an IPv4-mapped or -compatible tail is written dotted.
function formatIPv6(words) {
  let bestStart = -1; let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const parts = [];
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      parts[parts.length] = i === 0 ? ':' : '';
      i += bestLen - 1;
      if (i === 7) parts[parts.length] = '';
      continue;
    }
    if (i === 6 && bestStart === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xFFFF))) {
      parts[parts.length] = formatIPv4(words[6] * 65536 + words[7]);
      break;
    }
    parts[parts.length] = NumberPrototypeToString(words[i], 16);
  }
  return ArrayPrototypeJoin(parts, ':');
}

// Text of `family` ('ipv4'/'ipv6') to { words, text }; null when it does not parse.
function parseAddress(address, family) {
  if (family === 'ipv4') {
    const v4 = parseIPv4(address);
    return v4 === -1 ? null : { __proto__: null, words: mappedWords(v4), text: formatIPv4(v4) };
  }
  const words = parseIPv6(address);
  return words === null ? null : { __proto__: null, words, text: formatIPv6(words) };
}

function normalizeFamily(family, name) {
  const lower = typeof family === 'string' ? StringPrototypeToLowerCase(family) : family;
  if (lower !== 'ipv4' && lower !== 'ipv6') throw new ERR_INVALID_ARG_VALUE(name, family);
  return lower;
}

class SocketAddress {
  #address; #port; #family; #flowlabel; #words;

  constructor(options = { __proto__: null }) {
    validateObject(options, 'options');
    const family = normalizeFamily(options.family === undefined ? 'ipv4' : options.family,
                                   'options.family');
    let address = options.address;
    if (address === undefined) address = family === 'ipv4' ? '127.0.0.1' : '::';
    const port = options.port === undefined ? 0 : options.port;
    const flowlabel = options.flowlabel === undefined ? 0 : options.flowlabel;
    validateString(address, 'options.address');
    const portNumber = validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel');
    const parsed = parseAddress(address, family);
    if (parsed === null) throw new ERR_INVALID_ADDRESS();
    this.#address = parsed.text;
    this.#words = ObjectFreeze(parsed.words);
    this.#port = portNumber;
    this.#family = family;
    this.#flowlabel = flowlabel;
  }

  static isSocketAddress(value) {
    return value !== null && typeof value === 'object' && #address in value;
  }

  get address() { return this.#address; }
  get port() { return this.#port; }
  get family() { return this.#family; }
  get flowlabel() { return this.#flowlabel; }

  toJSON() {
    return { address: this.#address, port: this.#port, family: this.#family,
             flowlabel: this.#flowlabel };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[SocketAddress]';
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `SocketAddress ${inspect(this.toJSON(), options)}`;
  }

  static {
    // For net.BlockList: the address as eight words, IPv4 as IPv4-mapped IPv6.
    wordsOf = (socketAddress) => socketAddress.#words;
  }
}

module.exports = { SocketAddress, normalizeFamily, wordsOf: (sa) => wordsOf(sa) };
