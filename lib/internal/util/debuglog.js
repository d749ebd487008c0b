'use strict';
// util.debuglog(section): a logger writing `SECTION pid: msg` to stderr when
// NODE_DEBUG names the section (comma-separated, `*` wildcards, any case).
// The environment is read on first use, so the logger costs nothing at start-up.
//
// internalBinding functions used: none. Uses process.env, process.pid, process.stderr.

const {
  ObjectDefineProperty, StringPrototypeToLowerCase, StringPrototypeToUpperCase,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');

let testEnabled;

function initializeDebugEnv(debugEnv) {
  if (debugEnv) {
    const pattern = regExpReplace(debugEnv, /[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*').replace(/,/g, '$|^');
    const re = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => regExpTest(re, str);
  } else {
    testEnabled = () => false;
  }
}

// Logs of these sections show headers, so turning them on is warned about once.
const kSensitive = { __proto__: null, HTTP: true, HTTP2: true };
let warnedSensitive = false;

function debuglogImpl(enabled, set) {
  if (!enabled) return () => {};
  if (kSensitive[set] === true && !warnedSensitive) {
    warnedSensitive = true;
    process.emitWarning(`Setting the NODE_DEBUG environment variable to '${StringPrototypeToLowerCase(set)}' ` +
      'can expose sensitive data (such as passwords, tokens and authentication headers) in the resulting log.');
  }
  const pid = process.pid;
  return function debug(...args) {
    const { formatWithOptions } = require('internal/util/inspect');
    const stderr = process.stderr;
    const colors = !!(stderr && stderr.isTTY &&
      (typeof stderr.hasColors !== 'function' || stderr.hasColors()));
    const msg = formatWithOptions({ colors }, ...args);
    stderr.write(`${set} ${pid}: ${msg}\n`);
  };
}

function debuglog(set, cb) {
  function init() {
    if (testEnabled === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
    set = StringPrototypeToUpperCase(set);
    enabled = testEnabled(set);
  }
  let enabled;
  let debug = (...args) => {
    init();
    // Later calls go straight to the real logger (or the no-op).
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    switch (args.length) {
      case 1: return debug(args[0]);
      case 2: return debug(args[0], args[1]);
      default: return debug(...args);
    }
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => {
    switch (args.length) {
      case 1: return debug(args[0]);
      case 2: return debug(args[0], args[1]);
      default: return debug(...args);
    }
  };
  ObjectDefineProperty(logger, 'enabled', {
    __proto__: null,
    get() { return test(); }, configurable: true, enumerable: true,
  });
  return logger;
}

module.exports = { debuglog, initializeDebugEnv };
