'use strict';
// readline/promises: an Interface whose question() returns a promise, and
// Readline, which queues cursor moves and writes them out on commit().

const { Interface: CallbackInterface } = require('internal/readline/interface');
const { AbortError } = require('internal/errors');
const { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE } = require('internal/errors').codes;
const { validateAbortSignal, validateBoolean, validateInteger } = require('internal/validators');
const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
} = primordials;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }
  FunctionPrototypeCall(CallbackInterface, this, input, output, completer, terminal);
}
ObjectSetPrototypeOf(Interface.prototype, CallbackInterface.prototype);
ObjectSetPrototypeOf(Interface, CallbackInterface);

Interface.prototype.question = function question(query, options = {}) {
  if (this.closed) return PromiseReject(new ERR_USE_AFTER_CLOSE('readline'));
  const signal = options?.signal;
  if (signal !== undefined) {
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    if (signal !== undefined) {
      signal.addEventListener('abort', () => {
        reject(new AbortError(undefined, { cause: signal.reason }));
      }, { once: true });
    }
    FunctionPrototypeCall(CallbackInterface.prototype.question, this, query,
                          { signal }, resolve);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

const CSI = '\x1b[';

class Readline {
  #stream;
  #todo = [];
  #autoCommit;

  constructor(stream, options = undefined) {
    if (typeof stream?.write !== 'function') throw new ERR_INVALID_ARG_VALUE('stream', stream);
    this.#stream = stream;
    if (options?.autoCommit != null) validateBoolean(options.autoCommit, 'options.autoCommit');
    this.#autoCommit = options?.autoCommit ?? false;
  }

  #queue(code) {
    if (this.#autoCommit) {
      this.#stream.write(code);
    } else {
      ArrayPrototypePush(this.#todo, code);
    }
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    return this.#queue(y == null ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let code = '';
      if (dx < 0) code += `${CSI}${-dx}D`;
      else if (dx > 0) code += `${CSI}${dx}C`;
      if (dy < 0) code += `${CSI}${-dy}A`;
      else if (dy > 0) code += `${CSI}${dy}B`;
      this.#queue(code);
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    return this.#queue(dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`);
  }

  clearScreenDown() {
    return this.#queue(`${CSI}0J`);
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(ArrayPrototypeJoin(this.#todo, ''), resolve);
      this.#todo = [];
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

module.exports = { Interface, Readline, createInterface };
