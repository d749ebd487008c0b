'use strict';
// JSON.parse's SyntaxError messages as Node 20 prints them. V8 10.2 says "Unexpected
// token x in JSON at position N" where Node 20's V8 (11.3) names what was expected
// ("Expected ',' or '}' after property value in JSON at position 6", "Unterminated
// string in JSON at position 4", "Unexpected token 'x', "[1,x]" is not valid JSON"),
// and code and tests match on those words (JSON modules, package.json errors,
// Response.json()). V8 parses; only when it throws does this scan the same text again
// to find the first fault and word it. The scan keeps a stack of open containers
// instead of recursing, so deep nesting cannot overflow it. Runs before the
// primordials are captured, so lib/ gets this JSON.parse too.

const JSONParse = JSON.parse;
const ReflectApply = Reflect.apply;
const ReflectDefineProperty = Reflect.defineProperty;
const StringPrototypeCharCodeAt = Function.prototype.call.bind(String.prototype.charCodeAt);
const StringPrototypeSlice = Function.prototype.call.bind(String.prototype.slice);
const StringFromCharCode = String.fromCharCode;
const SyntaxErrorPrototype = SyntaxError.prototype;
const ObjectGetPrototypeOf = Object.getPrototypeOf;

// The whole texts V8 11.3 calls out by themselves (a common mistake each).
const wholeTexts = ['NaN', 'Infinity', 'undefined', '[object Object]'];
// Up to this length the whole text is quoted; past it, this many characters either side.
const quoteWhole = 20;
const contextChars = 10;

const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHex = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

// The message for text `s`, which V8 refused; undefined if no fault is found (then the
// error did not come from parsing: a reviver threw it).
function diagnose(s) {
  const len = s.length;
  const at = (i) => (i < len ? StringPrototypeCharCodeAt(s, i) : -1);
  const skip = (i) => {
    while (i < len && isSpace(StringPrototypeCharCodeAt(s, i))) i++;
    return i;
  };
  const atPos = (what, i) => `${what} in JSON at position ${i}`;
  const end = 'Unexpected end of JSON input';
  const unexpected = (i) => {
    if (i >= len) return end;
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 0x22) return atPos('Unexpected string', i);
    if (c === 0x2d || isDigit(c)) return atPos('Unexpected number', i);
    for (let k = 0; k < wholeTexts.length; k++) {
      if (s === wholeTexts[k]) return `"${s}" is not valid JSON`;
    }
    const token = StringFromCharCode(c);
    if (len <= quoteWhole) return `Unexpected token '${token}', "${s}" is not valid JSON`;
    const from = i >= contextChars ? i - contextChars : 0;
    const to = i + contextChars < len ? i + contextChars : len;
    // V8 11.3 marks a cut at the start from ten characters in, even when none is cut.
    const quoted = `${i >= contextChars ? '...' : ''}"${StringPrototypeSlice(s, from, to)}"${to < len ? '...' : ''}`;
    return `Unexpected token '${token}', ${quoted} is not valid JSON`;
  };
  let fault;
  // Each scanner returns the index after what it read, or -1 with `fault` set.
  const string = (i) => {
    let j = i + 1;
    for (;;) {
      if (j >= len) { fault = atPos('Unterminated string', len); return -1; }
      const c = StringPrototypeCharCodeAt(s, j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) { fault = atPos('Bad control character in string literal', j); return -1; }
      if (c !== 0x5c) { j++; continue; }
      j++;
      if (j >= len) { fault = end; return -1; }
      const e = StringPrototypeCharCodeAt(s, j);
      if (e === 0x75) {
        for (let k = 1; k <= 4; k++) {
          if (!isHex(at(j + k))) { fault = atPos('Bad Unicode escape', j + k); return -1; }
        }
        j += 5;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 ||
                 e === 0x6e || e === 0x72 || e === 0x74) {
        j++;
      } else {
        fault = atPos('Bad escaped character', j);
        return -1;
      }
    }
  };
  const number = (i) => {
    let j = i;
    if (at(j) === 0x2d) {
      j++;
      if (!isDigit(at(j))) { fault = atPos('No number after minus sign', j); return -1; }
    }
    if (at(j) === 0x30) {
      j++;
      if (isDigit(at(j))) { fault = atPos('Unexpected number', j); return -1; }
    } else {
      while (isDigit(at(j))) j++;
    }
    if (at(j) === 0x2e) {
      j++;
      if (!isDigit(at(j))) { fault = atPos('Unterminated fractional number', j); return -1; }
      while (isDigit(at(j))) j++;
    }
    if (at(j) === 0x65 || at(j) === 0x45) {
      j++;
      if (at(j) === 0x2b || at(j) === 0x2d) j++;
      if (!isDigit(at(j))) { fault = atPos('Exponent part is missing a number', j); return -1; }
      while (isDigit(at(j))) j++;
    }
    return j;
  };
  const literal = (i, word) => {
    for (let k = 0; k < word.length; k++) {
      if (at(i + k) !== StringPrototypeCharCodeAt(word, k)) { fault = unexpected(i + k); return -1; }
    }
    return i + word.length;
  };
  // After a property name: the colon, then where the value starts. Only an object's
  // first name gets the message that says a colon was expected.
  const colon = (i, first) => {
    i = skip(i);
    if (at(i) !== 0x3a) {
      fault = first ? atPos("Expected ':' after property name", i) : unexpected(i);
      return -1;
    }
    return skip(i + 1);
  };

  const open = []; // 0x5b for an array, 0x7b for an object
  let i = skip(0);
  for (;;) {
    // A value starts at i.
    let c = at(i);
    if (c === 0x7b || c === 0x5b) {
      i = skip(i + 1);
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (at(i) === close) {
        i++;
      } else if (c === 0x7b) {
        if (at(i) !== 0x22) return atPos("Expected property name or '}'", i);
        if ((i = string(i)) < 0 || (i = colon(i, true)) < 0) return fault;
        open[open.length] = c;
        continue;
      } else {
        open[open.length] = c;
        continue;
      }
    } else if (c === 0x22) {
      i = string(i);
    } else if (c === 0x2d || isDigit(c)) {
      i = number(i);
    } else if (c === 0x74) {
      i = literal(i, 'true');
    } else if (c === 0x66) {
      i = literal(i, 'false');
    } else if (c === 0x6e) {
      i = literal(i, 'null');
    } else {
      return unexpected(i);
    }
    if (i < 0) return fault;
    // The value ended: close containers until one takes another element.
    let more = false;
    while (open.length > 0 && !more) {
      i = skip(i);
      c = at(i);
      const top = open[open.length - 1];
      if (c === 0x2c) {
        i = skip(i + 1);
        more = true;
        if (top === 0x7b) {
          if (at(i) !== 0x22) return atPos('Expected double-quoted property name', i);
          if ((i = string(i)) < 0 || (i = colon(i, false)) < 0) return fault;
        }
      } else if (c === (top === 0x7b ? 0x7d : 0x5d)) {
        open.length--;
        i++;
      } else {
        return atPos(top === 0x7b ? "Expected ',' or '}' after property value" :
          "Expected ',' or ']' after array element", i);
      }
    }
    if (more) continue;
    i = skip(i);
    return i < len ? `Unexpected non-whitespace character after JSON at position ${i}` : undefined;
  }
}

// Named `parse` with length 2, as the original.
function parse(text, reviver) {
  // Converted once here, so a text's toString() runs once, as in V8.
  const s = typeof text === 'string' ? text : `${text}`;
  try {
    return reviver === undefined ? JSONParse(s) : ReflectApply(JSONParse, JSON, [s, reviver]);
  } catch (err) {
    if (err !== null && typeof err === 'object' && ObjectGetPrototypeOf(err) === SyntaxErrorPrototype) {
      const message = diagnose(s);
      if (message !== undefined) {
        // The stack's first line is written when first read, so it shows this too.
        ReflectDefineProperty(err, 'message', {
          __proto__: null, value: message, writable: true, enumerable: false, configurable: true,
        });
      }
    }
    throw err;
  }
}
ReflectDefineProperty(JSON, 'parse', {
  __proto__: null, value: parse, writable: true, enumerable: false, configurable: true,
});
