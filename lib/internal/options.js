'use strict';
// getOptionValue(name): the value of a command-line option as coil parsed it, for
// lib/ code whose behaviour an option changes ('--conditions' -> an array of
// strings, a boolean flag -> true/false). Read from process.execArgv.

const { ArrayPrototypePush, StringPrototypeIndexOf, StringPrototypeSlice } = primordials;

// Options that may be given more than once, collected into an array.
const LISTS = { __proto__: null, '--conditions': '-C', '--require': '-r' };

let parsed;
function parse() {
  parsed = { __proto__: null };
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    let name = args[i];
    let value;
    const eq = StringPrototypeIndexOf(name, '=');
    if (eq !== -1) {
      value = StringPrototypeSlice(name, eq + 1);
      name = StringPrototypeSlice(name, 0, eq);
    }
    for (const long in LISTS) {
      if (name === LISTS[long]) name = long;
    }
    if (name in LISTS) {
      if (value === undefined) value = args[++i];
      ArrayPrototypePush(parsed[name] ??= [], value);
    } else {
      parsed[name] = value ?? true;
    }
  }
}

function getOptionValue(name) {
  if (parsed === undefined) parse();
  const value = parsed[name];
  if (name in LISTS) return value ?? [];
  return value ?? false;
}

module.exports = { getOptionValue };
