'use strict';
// A connect to a name with several addresses (node 20's autoSelectFamily, a
// sequential form of happy eyeballs): the addresses are tried one after the other
// in the order lookupHost gave (families alternating), each given
// `autoSelectFamilyAttemptTimeout` ms (250 by default, at least 10) before the
// next is tried; the last one has no limit. The socket emits
// 'connectionAttemptFailed' and 'connectionAttemptTimeout' as node's does
// ('connectionAttempt' comes from each connect), and lists what it tried in `autoSelectFamilyAttemptedAddresses`.
// When every attempt fails the socket is destroyed with their errors (one: that
// error; several: an AggregateError carrying the first one's code).

const { AggregateError, ArrayPrototypePush, Error, NumberParseInt } = primordials;

const { exceptionWithHostPort } = require('internal/net');

const { validateBoolean, validateInt32 } = require('internal/validators');

// The process-wide defaults (net.setDefaultAutoSelectFamily and
// net.setDefaultAutoSelectFamilyAttemptTimeout), for connects that do not say.
// --no-network-family-autoselection and --network-family-autoselection-attempt-timeout
// set their starting values (the timeout as given, unclamped, as node takes it).
const defaults = { __proto__: null, autoSelectFamily: true, attemptTimeout: 250 };
{
  const { getOptionValue } = require('internal/options');
  defaults.autoSelectFamily = getOptionValue('--network-family-autoselection');
  const timeout = getOptionValue('--network-family-autoselection-attempt-timeout');
  if (timeout !== undefined) defaults.attemptTimeout = NumberParseInt(timeout, 10) || 0;
}

function attemptTimeoutOf(value, name) {
  validateInt32(value, name, 1);
  return value < 10 ? 10 : value;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  defaults.autoSelectFamily = value;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  defaults.attemptTimeout = attemptTimeoutOf(value, 'value');
}

// A connect's options.autoSelectFamily, checked, or the default.
function autoSelectFamilyOf(options) {
  const value = options.autoSelectFamily;
  if (value === undefined || value === null) return defaults.autoSelectFamily;
  validateBoolean(value, 'options.autoSelectFamily');
  return value;
}

// A connect's options.autoSelectFamilyAttemptTimeout, checked, or the default.
function attemptTimeoutFor(options) {
  const value = options.autoSelectFamilyAttemptTimeout;
  if (value === undefined || value === null) return defaults.attemptTimeout;
  return attemptTimeoutOf(value, 'options.autoSelectFamilyAttemptTimeout');
}

function connectMultiple(socket, addresses, port, timeout, hooks) {
  const { setTimeout, clearTimeout } = require('timers');
  socket.autoSelectFamilyAttemptedAddresses = [];
  const errors = [];
  let current = -1;
  let timer = null;

  function fail(err, timedOut) {
    const address = addresses[current][0], family = addresses[current][1];
    ArrayPrototypePush(errors, err);
    if (timedOut) socket.emit('connectionAttemptTimeout', address, port, family);
    else socket.emit('connectionAttemptFailed', address, port, family, err);
    hooks.drop(socket);
    if (socket.destroyed) return;
    if (current + 1 < addresses.length) return next();
    socket.connecting = false;
    if (errors.length === 1) return socket.destroy(errors[0]);
    const all = new AggregateError(errors, '');
    all.code = errors[0].code;
    socket.destroy(all);
  }

  function next() {
    current++;
    const attempt = current;
    const address = addresses[attempt][0], family = addresses[attempt][1];
    ArrayPrototypePush(socket.autoSelectFamilyAttemptedAddresses, `${address}:${port}`);
    if (attempt + 1 < addresses.length) {
      timer = setTimeout(() => {
        timer = null;
        if (attempt !== current || !socket.connecting) return;
        const err = new Error(`connect ETIMEDOUT ${address}:${port}`);
        err.code = 'ETIMEDOUT';
        fail(err, true);
      }, timeout);
    }
    hooks.connectTo(socket, false, address, family, port, (s, result) => {
      if (attempt !== current || socket.destroyed) return;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      if (result >= 0) return hooks.afterConnect(socket, result);
      fail(exceptionWithHostPort(result, 'connect', address, port), false);
    });
  }

  next();
}

module.exports = {
  connectMultiple, autoSelectFamilyOf, attemptTimeoutFor, defaults,
  setDefaultAutoSelectFamily, setDefaultAutoSelectFamilyAttemptTimeout,
};
