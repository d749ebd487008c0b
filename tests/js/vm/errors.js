// Errors thrown by vm code carry the script's file name and line (with the
// line/column offsets) in their stack; displayErrors puts the arrow on top.
'use strict';
const vm = require('vm');

function firstLines(e, n) {
  return e.stack.split('\n').slice(0, n).join('|');
}

try {
  vm.runInThisContext('\n\n  throw new Error("boom")', { filename: 'file-a.js', lineOffset: 10 });
} catch (e) {
  console.log(firstLines(e, 6));
}

try {
  new vm.Script('let x = ;', { filename: 'syntax.js' });
} catch (e) {
  console.log(e.name, e instanceof SyntaxError, firstLines(e, 3));
}

try {
  new vm.Script('throw new RangeError("r")', 'plain.js').runInThisContext({ displayErrors: false });
} catch (e) {
  console.log(firstLines(e, 2));
}

const context = vm.createContext({});
try {
  vm.runInContext(' throw new Error("in context")', context,
                  { filename: 'ctx.js', lineOffset: 4, columnOffset: 20 });
} catch (e) {
  console.log(e instanceof Error, firstLines(e, 6));
}

// A thrown primitive passes through unchanged.
try {
  vm.runInNewContext('throw 42');
} catch (e) {
  console.log(e);
}

// The default file name.
try {
  vm.runInNewContext('null.x');
} catch (e) {
  console.log(e.name, /evalmachine\.<anonymous>:1/.test(e.stack));
}

// The frame under the script's own is the Script method that ran it.
for (const run of [
  () => new vm.Script('throw new Error("frame")').runInThisContext({ displayErrors: false }),
  () => new vm.Script('throw new Error("frame")').runInNewContext({}, { displayErrors: false }),
]) {
  try {
    run();
  } catch (e) {
    const frames = e.stack.split('\n').slice(2, 3).map((l) => l.trim().split(' ')[1]);
    console.log(frames);
  }
}
