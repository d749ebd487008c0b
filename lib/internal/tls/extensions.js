'use strict';
// What some TLS connections ask for besides the handshake, on top of
// src/binding/tls/extras.rs: the key log ('keylog' on a client socket, on the
// tls.Server for its connections), OCSP stapling (a client's requestOCSP and
// 'OCSPResponse'; a server's 'OCSPRequest', answered before the handshake goes on)
// and pre-shared keys (pskCallback on either side, a server's pskIdentityHint).
// lib/_tls_wrap.js calls onConnNew when it makes a connection, afterStep after
// each handshake step and askOcsp when the server's handshake stopped for
// 'OCSPRequest'. A socket that wants none of these has no kWatch.

const {
  FunctionPrototypeCall, SafeMap, Symbol, TypedArrayPrototypeGetByteLength,
} = primordials;

const binding = internalBinding('tls_wrap');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { isArrayBufferView } = require('internal/util/types');
const {
  validateBuffer, validateFunction, validateObject, validateString,
} = require('internal/validators');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MULTIPLE_CALLBACK, ERR_SOCKET_CLOSED,
  ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED,
} = require('internal/tls/errors');

const kWatch = Symbol('kWatch'); // bits of what a socket wants taken after each step
const kPskCallback = Symbol('kPskCallback');
const kPskIdentityHint = Symbol('kPskIdentityHint');
const kPskError = Symbol('kPskError'); // what a pskCallback threw
const kOcspPending = Symbol('kOcspPending');

const KEYLOG = 1, OCSP = 2, PSK = 4;

// Connections answering PSK callbacks, by number (a number is reused only after
// its connection is freed, and then registered again).
const pskSockets = new SafeMap();
let dispatcherSet = false;

function bytes(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, TypedArrayPrototypeGetByteLength(u8));
}

function watch(tls, bit) {
  tls[kWatch] = (tls[kWatch] | 0) | bit;
}

function onConnNew(tls, id, connectOptions) {
  const o = tls._tlsOptions;
  if (o.isServer) {
    const server = o.server;
    if (server) {
      if (server.listenerCount('keylog') > 0) enableKeylog(tls, id);
      if (server.listenerCount('OCSPRequest') > 0) binding.connPauseForOcsp(id);
    }
    const psk = server ? server[kPskCallback] : o.pskCallback;
    if (typeof psk === 'function') {
      enablePsk(tls, id, psk, server ? server[kPskIdentityHint] : o.pskIdentityHint);
    }
    return;
  }
  const opts = connectOptions || o;
  if (tls.listenerCount('keylog') > 0) enableKeylog(tls, id);
  else tls.on('newListener', keylogNewListener);
  if (opts.requestOCSP) {
    binding.connRequestOcsp(id);
    watch(tls, OCSP);
  }
  if (opts.pskCallback) {
    validateFunction(opts.pskCallback, 'pskCallback');
    enablePsk(tls, id, opts.pskCallback, undefined);
  }
}

function enableKeylog(tls, id) {
  binding.connEnableKeylog(id);
  watch(tls, KEYLOG);
}

function keylogNewListener(event) {
  if (event !== 'keylog' || this.ssl === null || this.destroyed) return;
  this.removeListener('newListener', keylogNewListener);
  enableKeylog(this, this.ssl.id);
}

function enablePsk(tls, id, callback, hint) {
  if (!dispatcherSet) {
    dispatcherSet = true;
    binding.setPskDispatcher(pskDispatch);
  }
  tls[kPskCallback] = callback;
  pskSockets.set(id, tls);
  tls.once('close', () => {
    if (pskSockets.get(id) === tls) pskSockets.delete(id);
  });
  // A hint OpenSSL refuses fails the connection before its handshake: on the
  // next tick, once the server listens for the socket's '_tlsError'.
  if (!binding.connEnablePsk(id, typeof hint === 'string' ? hint : undefined)) {
    process.nextTick(failEarly, tls, new ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED());
  }
  watch(tls, PSK);
}

function failEarly(tls, err) {
  if (tls.destroyed) return;
  tls.emit('_tlsError', err);
  tls.destroy();
}

// Called by OpenSSL's PSK callbacks, inside connHandshake: must not throw. What the
// program's callback throws fails the handshake with that error (afterStep).
function pskDispatch(id, text, maxPskLen, maxIdentityLen) {
  const tls = pskSockets.get(id);
  if (tls === undefined || tls.destroyed) return undefined;
  try {
    return tls._tlsOptions.isServer ? serverPsk(tls, text, maxPskLen) :
      clientPsk(tls, text, maxPskLen, maxIdentityLen);
  } catch (err) {
    if (tls[kPskError] === undefined) tls[kPskError] = err;
    return undefined;
  }
}

function serverPsk(tls, identity, maxPskLen) {
  const ret = FunctionPrototypeCall(tls[kPskCallback], tls, tls, identity);
  if (ret === undefined || ret === null) return undefined;
  let psk = ret;
  if (!isArrayBufferView(ret)) {
    if (typeof ret !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('ret', ['Object', 'Buffer', 'TypedArray', 'DataView'], ret);
    }
    psk = ret.psk;
    validateBuffer(psk, 'psk');
  }
  if (psk.byteLength > maxPskLen) {
    throw new ERR_INVALID_ARG_VALUE('psk', psk, `Pre-shared key exceeds ${maxPskLen} bytes`);
  }
  return psk;
}

function clientPsk(tls, hint, maxPskLen, maxIdentityLen) {
  const ret = FunctionPrototypeCall(tls[kPskCallback], tls, hint);
  if (ret === undefined || ret === null) return undefined;
  validateObject(ret, 'ret');
  validateBuffer(ret.psk, 'psk');
  if (ret.psk.byteLength > maxPskLen) {
    throw new ERR_INVALID_ARG_VALUE('psk', ret.psk, `Pre-shared key exceeds ${maxPskLen} bytes`);
  }
  validateString(ret.identity, 'identity');
  const identity = Buffer.from(ret.identity);
  if (identity.length > maxIdentityLen) {
    throw new ERR_INVALID_ARG_VALUE('identity', ret.identity, `PSK identity exceeds ${maxIdentityLen} bytes`);
  }
  return [identity, ret.psk];
}

// After a handshake step (r: connHandshake's result): key log lines and a stapled
// OCSP response become events; a pskCallback's exception replaces the result.
function afterStep(tls, r) {
  const bits = tls[kWatch];
  if (bits === undefined) return r;
  const id = tls.ssl.id;
  if (bits & KEYLOG) {
    const lines = binding.connTakeKeylog(id);
    if (lines !== undefined) {
      const server = tls._tlsOptions.isServer ? tls._tlsOptions.server : null;
      for (let i = 0; i < lines.length; i++) {
        if (server) server.emit('keylog', bytes(lines[i]), tls);
        else tls.emit('keylog', bytes(lines[i]));
      }
    }
  }
  if (bits & OCSP) {
    const response = binding.connTakeOcspResponse(id);
    if (response !== undefined) tls.emit('OCSPResponse', response === null ? null : bytes(response));
  }
  if (bits & PSK) {
    const err = tls[kPskError];
    if (err !== undefined) {
      tls[kPskError] = undefined;
      // The peer hears nothing more (no alert), as when Node's callback throws.
      binding.connTakeOut(id);
      return err;
    }
  }
  // A listener destroyed the socket: nothing more to do for this step.
  return tls.destroyed ? 1 : r;
}

// The server's handshake stopped for 'OCSPRequest': the server's listeners get
// the certificate it will send, its issuer's (or null) and a callback taking the
// response to staple; the handshake goes on (resume) once it is called.
function askOcsp(tls, resume, fail) {
  if (tls[kOcspPending]) return;
  const id = tls.ssl.id;
  const server = tls._tlsOptions.server;
  const certs = binding.connOcspCerts(id);
  if (certs === undefined || !server || server.listenerCount('OCSPRequest') === 0) {
    binding.connOcspDone(id, undefined);
    return resume(tls);
  }
  tls[kOcspPending] = true;
  let called = false;
  const done = (err, response) => {
    if (called) return tls.destroy(new ERR_MULTIPLE_CALLBACK());
    called = true;
    tls[kOcspPending] = false;
    if (err) return fail(tls, err);
    if (tls.destroyed || tls.ssl === null) return tls.destroy(new ERR_SOCKET_CLOSED());
    if (response && !isArrayBufferView(response)) {
      return fail(tls, new ERR_INVALID_ARG_TYPE('response', ['Buffer', 'TypedArray', 'DataView'], response));
    }
    binding.connOcspDone(id, response || undefined);
    resume(tls);
  };
  server.emit('OCSPRequest', bytes(certs[0]), certs[1] === undefined ? null : bytes(certs[1]), done);
}

module.exports = {
  onConnNew, afterStep, askOcsp, kPskCallback, kPskIdentityHint,
};
