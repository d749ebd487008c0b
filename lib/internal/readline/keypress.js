'use strict';
// emitKeypressEvents(stream): turns the text a terminal sends into 'keypress'
// events (str, { sequence, name, ctrl, meta, shift }), as a TTY application
// reads keys: printable characters, control characters (Ctrl+letter), ESC+key
// (meta), and the CSI sequences of cursor and function keys.

const { StringDecoder } = require('string_decoder');
const {
  RegExpPrototypeExec,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const kKeypressDecoder = Symbol('keypress-decoder');

// The final part of a CSI (ESC [) or SS3 (ESC O) sequence -> the key's name.
const CSI_KEYS = {
  __proto__: null,
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear',
  '[F': 'end', '[H': 'home', 'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left',
  'OF': 'end', 'OH': 'home', 'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup',
  '[6~': 'pagedown', '[7~': 'home', '[8~': 'end', '[11~': 'f1', '[12~': 'f2',
  '[13~': 'f3', '[14~': 'f4', '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8',
  '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
};
// One key at the front of `s`: ESC + CSI/SS3 sequence, ESC + char, or one char.
const KEY = /^(?:\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])|\x1b([\s\S])|([\s\S]))/;

function key(sequence, name, extra) {
  return { sequence, name, ctrl: false, meta: false, shift: false, ...extra };
}

// One character typed on its own.
function charKey(ch) {
  const c = StringPrototypeCharCodeAt(ch, 0);
  if (ch === '\r') return key(ch, 'return');
  if (ch === '\n') return key(ch, 'enter');
  if (ch === '\t') return key(ch, 'tab');
  if (ch === '\b' || ch === '\x7f') return key(ch, 'backspace');
  if (ch === '\x1b') return key(ch, 'escape');
  if (ch === ' ') return key(ch, 'space');
  if (c > 0 && c <= 26) return key(ch, StringFromCharCode(c + 96), { ctrl: true });
  if (RegExpPrototypeExec(/^[A-Z]$/, ch) !== null) {
    return key(ch, StringPrototypeToLowerCase(ch), { shift: true });
  }
  if (RegExpPrototypeExec(/^[a-z0-9]$/, ch) !== null) return key(ch, ch);
  return key(ch, undefined);
}

function emitKeys(stream, text) {
  while (text.length > 0) {
    const m = RegExpPrototypeExec(KEY, text);
    const sequence = m[0];
    text = StringPrototypeSlice(text, sequence.length);
    if (m[1] !== undefined) {
      // Modifier parameters (ESC [1;5A = Ctrl+Up) are reported as such.
      const params = RegExpPrototypeExec(/^\[(?:1;)?(\d)([A-Za-z])$/, m[1]);
      const code = params !== null ? `[${params[2]}` : m[1];
      const mod = params !== null ? (params[1] | 0) - 1 : 0;
      stream.emit('keypress', undefined, key(sequence, CSI_KEYS[code], {
        shift: !!(mod & 1), meta: !!(mod & 2), ctrl: !!(mod & 4), code,
      }));
    } else if (m[2] !== undefined) {
      const inner = charKey(m[2]);
      stream.emit('keypress', undefined, key(sequence, inner.name, {
        ctrl: inner.ctrl, shift: inner.shift, meta: true,
      }));
    } else {
      const k = charKey(m[3]);
      stream.emit('keypress', k.name === 'backspace' && m[3] === '\x7f' ? '' : m[3], k);
    }
  }
}

function emitKeypressEvents(stream) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  const ondata = (chunk) => {
    if (stream.listenerCount('keypress') === 0) return;
    emitKeys(stream, typeof chunk === 'string' ? chunk : stream[kKeypressDecoder].write(chunk));
  };
  const onnewlistener = (event) => {
    if (event === 'keypress') {
      stream.on('data', ondata);
      stream.removeListener('newListener', onnewlistener);
    }
  };
  if (stream.listenerCount('keypress') > 0) stream.on('data', ondata);
  else stream.on('newListener', onnewlistener);
}

module.exports = { emitKeypressEvents };
