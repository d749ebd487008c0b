'use strict';
// getOptionValue(name): the value of a command-line option as coil parsed it, from
// the command line and NODE_OPTIONS together (src/cli.rs), for lib/ code whose
// behaviour an option changes: '--conditions' -> an array of strings, '--title' ->
// a string or undefined, a flag -> true/false ('--warnings' is true unless
// --no-warnings was given).
// Binding: options.getOptions().

const { ObjectKeys } = primordials;

// Options whose value is true when not given.
const DEFAULT_TRUE = { __proto__: null, '--warnings': true, '--network-family-autoselection': true };
// Options that may be given more than once, collected into an array.
const LISTS = {
  __proto__: null, '--conditions': true, '--require': true, '--import': true, '--env-file': true,
  '--test-reporter': true, '--test-reporter-destination': true, '--test-name-pattern': true,
};
// Options that take one value.
const TEXTS = {
  __proto__: null, '--title': true, '--input-type': true, '--unhandled-rejections': true,
  '--dns-result-order': true, '--test-concurrency': true, '--test-timeout': true,
  '--network-family-autoselection-attempt-timeout': true, '--max-http-header-size': true,
};

let values;
function load() {
  values = { __proto__: null };
  const given = internalBinding('options').getOptions();
  const names = ObjectKeys(given);
  for (let i = 0; i < names.length; i++) values[names[i]] = given[names[i]];
}

function getOptionValue(name) {
  if (values === undefined) load();
  const value = values[name];
  if (value !== undefined) return value;
  if (name in LISTS) return [];
  if (name in TEXTS) return undefined;
  return name in DEFAULT_TRUE;
}

module.exports = { getOptionValue };
