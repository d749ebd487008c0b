'use strict';
// Signal names and numbers (Linux), for process.kill and os.constants.signals.

const { ObjectPrototypeHasOwnProperty, StringPrototypeToUpperCase } = primordials;

const signals = {
  __proto__: null,
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
  SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
  SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20,
  SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

function toNumber(sig) {
  if (typeof sig === 'number' && (sig | 0) === sig) return sig;
  if (typeof sig === 'string' && ObjectPrototypeHasOwnProperty(signals, sig)) return signals[sig];
  const { codes } = require('internal/errors');
  if (typeof sig === 'string') throw new codes.ERR_UNKNOWN_SIGNAL(sig);
  throw new codes.ERR_INVALID_ARG_TYPE('signal', ['string', 'number'], sig);
}

// The signal a child_process option or ChildProcess.kill names, as node reads
// it there: a known number, or a name in any case; anything else is unknown.
function convertToValidSignal(sig) {
  if (typeof sig === 'number') {
    for (const name in signals) if (signals[name] === sig) return sig;
  } else if (typeof sig === 'string') {
    const name = StringPrototypeToUpperCase(sig);
    if (ObjectPrototypeHasOwnProperty(signals, name)) return signals[name];
  }
  const { codes } = require('internal/errors');
  throw new codes.ERR_UNKNOWN_SIGNAL(sig);
}

module.exports = { signals, toNumber, convertToValidSignal };
