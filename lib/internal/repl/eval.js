'use strict';
// The REPL's default evaluator: compiles a command with vm (in the global context
// or the server's own), tells an input that is only unfinished (a Recoverable
// error, so the REPL asks for more lines) from a real SyntaxError, runs commands
// that use top-level `await` inside an async function, and formats what a command
// threw as node's REPL prints it ("Uncaught Error: ...").

const vm = require('vm');
const {
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeTrim,
  SyntaxError,
} = primordials;

// An input the parser saw end too soon: the REPL keeps it and asks for more.
function Recoverable(err) {
  this.err = err;
}
ObjectSetPrototypeOf(Recoverable.prototype, SyntaxError.prototype);
ObjectSetPrototypeOf(Recoverable, SyntaxError);

// V8's messages for a source that stops in the middle of something.
function isRecoverable(err, code) {
  const message = err?.message;
  if (message === 'Unexpected end of input' || message === 'Unterminated template literal') return true;
  // A string continued with a trailing backslash.
  if (message === 'Invalid or unexpected token' &&
      RegExpPrototypeExec(/\\\s*$/, code) !== null) return true;
  // An unclosed block comment.
  if (message === 'Invalid or unexpected token' || message === 'Unexpected token \'*\'') {
    const open = RegExpPrototypeExec(/\/\*(?![\s\S]*\*\/)[\s\S]*$/, code);
    if (open !== null) return true;
  }
  return false;
}

function compile(code, filename) {
  return new vm.Script(code, { __proto__: null, filename, displayErrors: true });
}

// `await` at the top of a command: the command runs as the body of an async
// function whose promise the REPL waits for. `const x = await f()` keeps `x` for
// later commands: the name is declared outside and assigned inside.
function wrapAwait(code) {
  const trimmed = RegExpPrototypeSymbolReplace(/;?\s*$/, StringPrototypeTrim(code), '');
  const declaration = RegExpPrototypeExec(
    /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([\s\S]+)$/, trimmed);
  if (declaration !== null) {
    const name = declaration[1];
    return [`var ${name};\n(async () => { void (${name} = (${declaration[2]}\n)); })()`];
  }
  return [
    `(async () => { return (${trimmed}\n); })()`,
    `(async () => { ${code}\n})()`,
  ];
}

function makeDefaultEval(server) {
  return function defaultEval(code, context, filename, callback) {
    let script;
    let awaited = false;
    // `{ a: 1 }` alone is an object, not a block.
    if (RegExpPrototypeExec(/^\s*\{/, code) !== null && RegExpPrototypeExec(/\}\s*$/, code) !== null) {
      try {
        script = compile(`(${StringPrototypeTrim(code)})\n`, filename);
      } catch {
        script = undefined;
      }
    }
    if (script === undefined) {
      try {
        script = compile(code, filename);
      } catch (err) {
        if (StringPrototypeIncludes(err?.message ?? '', 'await is only valid')) {
          const tries = wrapAwait(code);
          for (let i = 0; i < tries.length && script === undefined; i++) {
            try {
              script = compile(tries[i], filename);
              awaited = true;
            } catch {
              script = undefined;
            }
          }
        }
        if (script === undefined) {
          callback(isRecoverable(err, code) ? new Recoverable(err) : err);
          return;
        }
      }
    }
    let result;
    try {
      result = server.useGlobal || context === globalThis ?
        script.runInThisContext({ __proto__: null, displayErrors: true }) :
        script.runInContext(context, { __proto__: null, displayErrors: true });
    } catch (err) {
      // `true`: thrown while running, so the command is not one of server.lines.
      callback(err, undefined, true);
      return;
    }
    if (awaited) {
      PromisePrototypeThen(result, (value) => callback(null, value), (err) => callback(err));
      return;
    }
    callback(null, result);
  };
}

// What the REPL prints for a thrown value: the stack without the REPL's own frames
// (and a SyntaxError without any), "Uncaught " before the error's first line.
function formatThrown(err, writer) {
  let text;
  // Errors from another context (a server's own vm context) are not `instanceof
  // Error` here: anything with a name and a string stack is treated as one.
  if (err !== null && typeof err === 'object' && typeof err.stack === 'string' &&
      typeof err.name === 'string') {
    let stack = err.stack;
    const isSyntax = err.name === 'SyntaxError';
    // vm's "file:line\nsource\n   ^\n\n" header: kept (without the location) for a
    // SyntaxError, dropped otherwise.
    const header = RegExpPrototypeExec(/^REPL\d+:\d+\r?\n/, stack);
    if (header !== null) {
      stack = StringPrototypeSlice(stack, header[0].length);
      if (!isSyntax) {
        const blank = RegExpPrototypeExec(/\n\n/, stack);
        if (blank !== null) stack = StringPrototypeSlice(stack, blank.index + 2);
      }
    }
    const lines = RegExpPrototypeSymbolSplit(/\n/, stack);
    let keep = '';
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (RegExpPrototypeExec(/^\s+at /, line) !== null &&
          (isSyntax || RegExpPrototypeExec(/^\s+at (?:REPL\d+:|Script\.runIn|new Script |node:|.*\(node:)/, line) !== null)) {
        break;
      }
      keep += (i === 0 ? '' : '\n') + line;
    }
    try {
      err.stack = keep;
    } catch {
      // A frozen error keeps its stack.
    }
    text = writer(err);
    // An error with no frames left prints as [Error: x]: without the brackets.
    if (text[0] === '[' && text[text.length - 1] === ']') text = StringPrototypeSlice(text, 1, -1);
  } else {
    text = writer(err);
  }
  const lines = RegExpPrototypeSymbolSplit(/\n/, text);
  let out = '';
  let marked = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!marked && RegExpPrototypeExec(/^\[?(?:[A-Z][a-z0-9_]*)*Error/, line) !== null) {
      out += (line.length <= 80 ? `Uncaught ${line}` : `Uncaught:\n${line}`);
      marked = true;
    } else {
      out += line;
    }
    if (i < lines.length - 1) out += '\n';
  }
  if (!marked) out = lines.length === 1 ? `Uncaught ${out}` : `Uncaught:\n${out}`;
  return out;
}

module.exports = { Recoverable, formatThrown, isRecoverable, makeDefaultEval };
