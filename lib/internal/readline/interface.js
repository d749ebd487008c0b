'use strict';
// readline's Interface: reads an input stream as text, splits it into lines (\n,
// \r\n, or a lone \r), and hands each to a pending question() or emits 'line';
// 'close' when the input ends or close() is called. Async iteration yields the
// lines, pausing the input while too many wait unread. With `terminal` (by default
// when the output is a TTY) the input is read key by key in raw mode and the line
// is edited here (terminal.js).

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { emitKeypressEvents } = require('internal/readline/keypress');
const { terminalMethods } = require('internal/readline/terminal');
const {
  ERR_INVALID_ARG_VALUE,
  ERR_USE_AFTER_CLOSE,
} = require('internal/errors').codes;
const { AbortError } = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateFunction,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  DateNow,
  FunctionPrototypeCall,
  MathMax,
  NumberIsNaN,
  ObjectAssign,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeSymbolSplit,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  SymbolAsyncIterator,
} = primordials;

const LINE_END = /\r\n|\n|\r/;
// Lines kept for an async iterator before the input is paused.
const HIGH_WATERMARK = 1024;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }
  FunctionPrototypeCall(EventEmitter, this);
  let prompt = '> ';
  let crlfDelay;
  let signal;
  let historySize;
  let history;
  let removeHistoryDuplicates = false;
  let escapeCodeTimeout = 500;
  let tabSize = 8;
  if (input?.input) {
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    signal = options.signal;
    historySize = options.historySize;
    history = options.history;
    removeHistoryDuplicates = !!options.removeHistoryDuplicates;
    if (options.escapeCodeTimeout !== undefined) {
      escapeCodeTimeout = options.escapeCodeTimeout;
      if (typeof escapeCodeTimeout !== 'number' || NumberIsNaN(escapeCodeTimeout)) {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', escapeCodeTimeout);
      }
    }
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      tabSize = options.tabSize;
    }
    if (options.prompt !== undefined) prompt = options.prompt;
    crlfDelay = options.crlfDelay;
    input = options.input;
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (historySize !== undefined) validateUint32(historySize, 'historySize');
  if (history !== undefined) validateArray(history, 'history');
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateString(prompt, 'prompt');

  this.input = input;
  this.output = output;
  this.completer = completer;
  this.terminal = !!(terminal ?? output?.isTTY);
  this.crlfDelay = crlfDelay ? MathMax(100, crlfDelay) : 100;
  this.historySize = historySize ?? 30;
  this.history = history !== undefined ? ArrayPrototypeSlice(history) : [];
  this.removeHistoryDuplicates = removeHistoryDuplicates;
  this.escapeCodeTimeout = escapeCodeTimeout;
  this.tabSize = tabSize;
  this._historyIndex = -1;
  this._historySearch = null;
  this._prevRows = 0;
  this._lastKeyWasTab = false;
  this.line = '';
  this.cursor = 0;
  this.closed = false;
  this.paused = false;
  this._prompt = prompt;
  this._question = null;
  this._oldPrompt = null;
  this._partial = '';
  this._sawReturnAt = 0;
  this._decoder = new StringDecoder('utf8');

  this._ondata = (chunk) => this._readText(
    typeof chunk === 'string' ? chunk : this._decoder.write(chunk));
  this._onend = () => {
    const rest = this._partial + this._decoder.end();
    this._partial = '';
    if (rest.length > 0) this._online(rest);
    this.close();
  };
  this._onkeypress = (s, key) => this._ttyWrite(s, key);
  this._onresize = () => this._refreshLine();
  this._onerror = (err) => this.emit('error', err);
  if (input != null) {
    if (this.terminal) {
      emitKeypressEvents(input, this);
      input.on('keypress', this._onkeypress);
      this._setRawMode(true);
      output?.on?.('resize', this._onresize);
    } else {
      input.on('data', this._ondata);
    }
    input.on('end', this._onend);
    input.on('error', this._onerror);
    input.resume?.();
  }
  if (signal) {
    const onabort = () => this.close();
    if (signal.aborted) {
      process.nextTick(onabort);
    } else {
      signal.addEventListener('abort', onabort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onabort));
    }
  }
}
ObjectSetPrototypeOf(Interface.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Interface, EventEmitter);
ObjectAssign(Interface.prototype, terminalMethods);

Interface.prototype._setRawMode = function _setRawMode(flag) {
  if (typeof this.input?.setRawMode === 'function') this.input.setRawMode(flag);
};

// Text in: complete lines go out one by one; the unfinished tail waits. A \r at
// the end of one chunk and a \n at the start of the next are one line end when
// they arrive within crlfDelay of each other.
Interface.prototype._readText = function _readText(text) {
  if (this._sawReturnAt !== 0 && StringPrototypeCharCodeAt(text, 0) === 10 &&
      DateNow() - this._sawReturnAt <= this.crlfDelay) {
    text = StringPrototypeSlice(text, 1);
  }
  this._sawReturnAt = StringPrototypeEndsWith(text, '\r') ? DateNow() : 0;
  const lines = RegExpPrototypeSymbolSplit(LINE_END, text);
  if (lines.length === 1) {
    this._partial += lines[0];
    return;
  }
  lines[0] = this._partial + lines[0];
  this._partial = lines[lines.length - 1];
  for (let i = 0; i < lines.length - 1; i++) {
    // A 'line' handler may close the interface: what is left is then dropped.
    if (this.closed) return;
    this._online(lines[i]);
  }
};

Interface.prototype._online = function _online(line) {
  const answer = this._question;
  if (answer !== null) {
    this._question = null;
    this.setPrompt(this._oldPrompt);
    answer(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._writeOut = function _writeOut(text) {
  if (this.output != null && text !== '') this.output.write(text);
};

Interface.prototype.setPrompt = function setPrompt(prompt) {
  this._prompt = prompt;
};

Interface.prototype.getPrompt = function getPrompt() {
  return this._prompt;
};

Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
  if (this.paused) this.resume();
  if (this.terminal) {
    if (!preserveCursor) this.cursor = 0;
    this._prevRows = 0;
    this._refreshLine();
  } else {
    this._writeOut(this._prompt);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
  validateFunction(cb, 'cb');
  const signal = options?.signal;
  if (signal !== undefined) {
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return;
    const onabort = () => {
      this._question = null;
      this.setPrompt(this._oldPrompt);
    };
    signal.addEventListener('abort', onabort, { once: true });
    const done = cb;
    cb = (answer) => {
      signal.removeEventListener('abort', onabort);
      done(answer);
    };
  }
  if (this._question !== null) {
    this.prompt();
    return;
  }
  this._oldPrompt = this._prompt;
  this.setPrompt(query);
  this._question = cb;
  this.prompt();
};

Interface.prototype.write = function write(data, key) {
  if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
  if (this.paused) this.resume();
  if (this.terminal) this._ttyWrite(data, key);
  else if (typeof data === 'string' && data !== '') this._readText(data);
};

Interface.prototype.pause = function pause() {
  if (this.paused) return this;
  this.input?.pause?.();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return this;
  this.input?.resume?.();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.input != null) {
    this.input.removeListener('data', this._ondata);
    this.input.removeListener('end', this._onend);
    this.input.removeListener('error', this._onerror);
    if (this.terminal) {
      this.input.removeListener('keypress', this._onkeypress);
      this.output?.removeListener?.('resize', this._onresize);
      this._setRawMode(false);
    }
  }
  this.closed = true;
  this.emit('close');
};

Interface.prototype.getCursorPos = function getCursorPos() {
  const columns = this.output?.columns || Infinity;
  const offset = this._prompt.length + this.cursor;
  return { rows: columns === Infinity ? 0 : (offset / columns) | 0, cols: offset % columns };
};

// Lines as an async iterator, one per interface (a loop nested in another goes on
// with the same lines): those that arrive before they are asked for wait in a
// queue; the iterator ends at 'close', rejects with the input's error, and closes
// the interface when left early.
Interface.prototype[SymbolAsyncIterator] = function asyncIterator() {
  if (this._lineIterator !== undefined) return this._lineIterator;
  const queue = [];
  let failure = null;
  const waiting = [];
  let finished = this.closed;
  const online = (line) => {
    if (waiting.length > 0) {
      ArrayPrototypeShift(waiting).resolve({ value: line, done: false });
      return;
    }
    ArrayPrototypePush(queue, line);
    if (queue.length >= HIGH_WATERMARK) this.pause();
  };
  const onclose = () => {
    finished = true;
    while (waiting.length > 0) {
      ArrayPrototypeShift(waiting).resolve({ value: undefined, done: true });
    }
  };
  const onerror = (err) => {
    failure = err;
    while (waiting.length > 0) ArrayPrototypeShift(waiting).reject(err);
  };
  this.on('line', online);
  this.once('close', onclose);
  this.on('error', onerror);
  const stop = () => {
    this.removeListener('line', online);
    this.removeListener('close', onclose);
    this.removeListener('error', onerror);
    finished = true;
    queue.length = 0;
    this.close();
  };
  const rl = this;
  this._lineIterator = {
    next() {
      if (queue.length > 0) {
        const value = ArrayPrototypeShift(queue);
        if (queue.length === 0 && rl.paused && !rl.closed) rl.resume();
        return PromiseResolve({ value, done: false });
      }
      if (failure !== null) {
        const err = failure;
        failure = null;
        finished = true;
        return PromiseReject(err);
      }
      if (finished) return PromiseResolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        ArrayPrototypePush(waiting, { resolve, reject });
      });
    },
    return() {
      stop();
      return PromiseResolve({ value: undefined, done: true });
    },
    throw(err) {
      stop();
      return PromiseReject(err ?? new AbortError());
    },
    [SymbolAsyncIterator]() {
      return this;
    },
  };
  return this._lineIterator;
};

module.exports = { Interface };
