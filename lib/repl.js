'use strict';
// repl: REPLServer, a readline Interface that evaluates each line it reads and
// writes the result (util.inspect by default): multi-line input while a command is
// unfinished, `_` and `_error`, built-in modules as globals, dot-commands, tab
// completion, history. repl.start() makes one; `coil` alone on a terminal and
// `coil -i` run one over stdin/stdout (internal/main/repl.js).
//
// The evaluator, commands, completion and history file live in internal/repl/.

const { Interface } = require('internal/readline/interface');
const { Recoverable, formatThrown, makeDefaultEval } = require('internal/repl/eval');
const { defineDefaultCommands } = require('internal/repl/commands');
const { complete } = require('internal/repl/completion');
const { setupHistory } = require('internal/repl/history');
const { validateFunction } = require('internal/validators');
const { inspect } = require('internal/util/inspect');
const vm = require('vm');
const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  NumberIsNaN,
  NumberParseFloat,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeIndexOf,
  StringPrototypeTrim,
  Symbol,
} = primordials;

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

// Every evaluation gets its own file name (REPL1, REPL2...) for stack traces.
let resourceNumber = 0;

function writer(value) {
  return inspect(value, writer.options);
}
writer.options = { __proto__: null, ...inspect.defaultOptions, showProxy: true };

function builtinLibs() {
  const { builtinModules } = require('module');
  return ArrayPrototypeFilter(builtinModules, (name) => name[0] !== '_');
}

function REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode);
  }
  let options = { __proto__: null };
  if (prompt !== null && typeof prompt === 'object') {
    options = { __proto__: null, ...prompt };
    stream = options.stream || options.socket;
    evalFn = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    replMode = options.replMode;
    prompt = options.prompt;
  }
  let input = options.input;
  let output = options.output;
  if (!input && !output) {
    // The legacy form: one stream for both, or the process's.
    if (!stream) stream = process;
    input = stream.stdin || stream;
    output = stream.stdout || stream;
  }
  if (evalFn !== undefined) validateFunction(evalFn, 'options.eval');
  const terminal = options.terminal === undefined ? !!output?.isTTY : !!options.terminal;
  this.useColors = options.useColors === undefined ?
    terminal && typeof output?.hasColors === 'function' && output.hasColors() : !!options.useColors;
  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.last = undefined;
  this.lastError = undefined;
  this._defaultEval = evalFn === undefined;
  this.eval = evalFn || makeDefaultEval(this);
  this.writer = options.writer || module.exports.writer;
  if (this.writer === writer) writer.options.colors = this.useColors;
  this.commands = { __proto__: null };
  this._bufferedCommand = '';
  this._pendingLines = [];
  this._busy = false;
  this._sawSIGINT = false;
  this._initialPrompt = prompt === undefined ? '> ' : prompt;
  FunctionPrototypeCall(Interface, this, {
    __proto__: null,
    input,
    output,
    completer: options.completer || complete,
    terminal,
    historySize: options.historySize,
    removeHistoryDuplicates: options.removeHistoryDuplicates,
    prompt: this._initialPrompt,
  });
  this.resetContext();
  defineDefaultCommands(this);
  this.on('line', (line) => this._onLine(line));
  this.on('SIGINT', () => this._onSigint());
  this.once('close', () => this.emit('exit'));
  this.displayPrompt();
}
ObjectSetPrototypeOf(REPLServer.prototype, Interface.prototype);
ObjectSetPrototypeOf(REPLServer, Interface);

REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  FunctionPrototypeCall(Interface.prototype.setPrompt, this, prompt);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  if (this.closed) return;
  const prompt = this._bufferedCommand.length > 0 ? '... ' : this._initialPrompt;
  FunctionPrototypeCall(Interface.prototype.setPrompt, this, prompt);
  this.prompt(preserveCursor);
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this._bufferedCommand = '';
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, command) {
  if (typeof command === 'function') {
    command = { __proto__: null, action: command };
  } else {
    validateFunction(command?.action, 'cmd.action');
  }
  this.commands[keyword] = command;
};

REPLServer.prototype.parseREPLKeyword = function parseREPLKeyword(keyword, rest) {
  const command = this.commands[keyword];
  if (command === undefined) return false;
  FunctionPrototypeCall(command.action, this, rest);
  return true;
};

REPLServer.prototype.complete = function complete_(line, callback) {
  FunctionPrototypeCall(this.completer, this, line, callback);
};

REPLServer.prototype.setupHistory = function setupHistory_(historyFile, callback) {
  setupHistory(this, historyFile, callback);
};

// A fresh scope for commands: the global one (useGlobal) or a new vm context with
// the globals copied in; in both, `module`, `require`, the built-in modules by
// name, `_` and `_error`.
REPLServer.prototype.resetContext = function resetContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    const own = new SafeSet(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
    const names = ObjectGetOwnPropertyNames(globalThis);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === 'console' || name === 'global' || own.has(name)) continue;
      ObjectDefineProperty(context, name, ObjectGetOwnPropertyDescriptor(globalThis, name));
    }
    context.global = context;
    const { Console } = require('console');
    ObjectDefineProperty(context, 'console', {
      __proto__: null, configurable: true, writable: true, value: new Console(this.output),
    });
  }
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  const replModule = new Module('<repl>', null);
  replModule.filename = path.join(process.cwd(), '<repl>');
  replModule.paths = Module._nodeModulePaths(process.cwd());
  const requireFn = (request) => replModule.require(request);
  requireFn.resolve = (request, opts) => Module._resolveFilename(request, replModule, false, opts);
  requireFn.cache = Module._cache;
  ObjectDefineProperty(context, 'module', {
    __proto__: null, configurable: true, writable: true, value: replModule,
  });
  ObjectDefineProperty(context, 'require', {
    __proto__: null, configurable: true, writable: true, value: requireFn,
  });
  addBuiltinLibs(context, requireFn);
  const server = this;
  ObjectDefineProperty(context, '_', {
    __proto__: null,
    configurable: true,
    get: () => server.last,
    set(value) {
      server.last = value;
      if (!server.underscoreAssigned) {
        server.underscoreAssigned = true;
        server.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  ObjectDefineProperty(context, '_error', {
    __proto__: null,
    configurable: true,
    get: () => server.lastError,
    set(value) {
      server.lastError = value;
      if (!server.underscoreErrAssigned) {
        server.underscoreErrAssigned = true;
        server.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.context = context;
  this.lines = [];
  this.lines.level = [];
  this.emit('reset', context);
};

// `fs`, `path`, `http`... as names in the REPL's scope, required on first use;
// assigning to one replaces it.
function addBuiltinLibs(context, requireFn) {
  const names = builtinLibs();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (StringPrototypeIndexOf(name, '/') !== -1 || name in context) continue;
    const replace = (value) => ObjectDefineProperty(context, name, {
      __proto__: null, configurable: true, writable: true, enumerable: false, value,
    });
    ObjectDefineProperty(context, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const lib = requireFn(name);
        replace(lib);
        return lib;
      },
      set: replace,
    });
  }
}

REPLServer.prototype._onLine = function _onLine(line) {
  // A 'line' emitted by hand may carry nothing.
  if (typeof line !== 'string') line = line == null ? '' : `${line}`;
  if (this._busy) {
    ArrayPrototypePush(this._pendingLines, line);
    return;
  }
  this._sawSIGINT = false;
  if (this.editorMode) {
    this._bufferedCommand += `${line}\n`;
    return;
  }
  const trimmed = StringPrototypeTrim(line);
  if (trimmed[0] === '.' && trimmed[1] !== '.' && NumberIsNaN(NumberParseFloat(trimmed))) {
    const match = RegExpPrototypeExec(/^\.([^\s]+)\s*([\s\S]*)$/, trimmed);
    if (match !== null && this.parseREPLKeyword(match[1], match[2])) return;
    if (this._bufferedCommand === '') {
      ArrayPrototypePush(this.lines, line);
      this.output.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  if (trimmed === '' && this._bufferedCommand === '') {
    this.displayPrompt();
    return;
  }
  this._evalCommand(line, false);
};

// Evaluates what is buffered plus `line`; `whole` (a loaded file, editor mode) is
// complete as it is, so an unfinished input is an error there.
REPLServer.prototype._evalCommand = function _evalCommand(line, whole) {
  const code = `${this._bufferedCommand}${line}\n`;
  this._busy = true;
  let done = false;
  const finish = (err, result, thrownWhileRunning) => {
    if (done) return;
    done = true;
    this._busy = false;
    if (err instanceof Recoverable && !whole) {
      ArrayPrototypePush(this.lines, line);
      this._bufferedCommand = code;
    } else {
      this._bufferedCommand = '';
      if (err) {
        if (thrownWhileRunning !== true) ArrayPrototypePush(this.lines, line);
        this._printError(err instanceof Recoverable ? err.err : err);
      } else {
        ArrayPrototypePush(this.lines, line);
        if (!this.ignoreUndefined || result !== undefined) {
          if (!this.underscoreAssigned) this.last = result;
          this.output.write(`${this.writer(result)}\n`);
        }
      }
    }
    this.displayPrompt();
    this._drain();
  };
  resourceNumber++;
  try {
    this.eval(code, this.context, `REPL${resourceNumber}`, finish);
  } catch (err) {
    finish(err);
  }
};

REPLServer.prototype._printError = function _printError(err) {
  if (!this.underscoreErrAssigned) this.lastError = err;
  this.output.write(`${formatThrown(err, this.writer)}\n`);
};

// Lines that came while an evaluation was waiting (top-level await), in order.
REPLServer.prototype._drain = function _drain() {
  while (!this._busy && !this.closed && this._pendingLines.length > 0) {
    this._onLine(ArrayPrototypeShift(this._pendingLines));
  }
};

// Ctrl+C: drops the line or the unfinished command; on an empty prompt, a second
// Ctrl+C in a row exits.
REPLServer.prototype._onSigint = function _onSigint() {
  const empty = this.line.length === 0;
  if (this.terminal) {
    this.cursor = this.line.length;
    this._refreshLine();
    this._writeOut('\r\n');
    this._prevRows = 0;
  }
  this.line = '';
  this.cursor = 0;
  const wasEditing = this.editorMode;
  this.editorMode = false;
  if (this._bufferedCommand === '' && empty && !wasEditing) {
    if (this._sawSIGINT) {
      this._sawSIGINT = false;
      this.close();
      return;
    }
    this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this._sawSIGINT = true;
  } else {
    this._sawSIGINT = false;
  }
  this.clearBufferedCommand();
  this.displayPrompt();
};

// In .editor mode Ctrl+D evaluates what was typed instead of closing.
REPLServer.prototype._ttyWrite = function _ttyWrite(s, key) {
  if (this.editorMode && key?.ctrl && key.name === 'd') {
    this.editorMode = false;
    const code = this._bufferedCommand + this.line;
    this._bufferedCommand = '';
    this.line = '';
    this.cursor = 0;
    this._writeOut('\r\n');
    this._prevRows = 0;
    this._evalCommand(code, true);
    return;
  }
  FunctionPrototypeCall(Interface.prototype._ttyWrite, this, s, key);
};

// Closing waits a tick, as node's does: lines already read in the same chunk
// are still evaluated.
REPLServer.prototype.close = function close() {
  process.nextTick(() => FunctionPrototypeCall(Interface.prototype.close, this));
};

function start(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
};

ObjectDefineProperty(module.exports, 'builtinModules', {
  __proto__: null, configurable: true, enumerable: true, get: builtinLibs,
});
ObjectDefineProperty(module.exports, '_builtinLibs', {
  __proto__: null, configurable: true, enumerable: false, get: builtinLibs,
});
