'use strict';
// timers/promises: setTimeout, setImmediate and setInterval as promises and an
// async iterator, with AbortSignal and the `ref` option.

const { PromiseReject } = primordials;
const timers = require('timers');

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal.reason });
}

function validateOptions(options) {
  const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = validateOptions(options)); } catch (err) { return PromiseReject(err); }
  if (signal?.aborted) return PromiseReject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => { timers.clearTimeout(timer); reject(abortError(signal)); };
    const timer = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    }, after);
    if (!ref) timer.unref();
    signal?.addEventListener('abort', onAbort, { __proto__: null, once: true });
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = validateOptions(options)); } catch (err) { return PromiseReject(err); }
  if (signal?.aborted) return PromiseReject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => { timers.clearImmediate(imm); reject(abortError(signal)); };
    const imm = timers.setImmediate(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) imm.unref();
    signal?.addEventListener('abort', onAbort, { __proto__: null, once: true });
  });
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  const timer = timers.setInterval(() => {
    pending++;
    if (wake) { wake(); wake = null; }
  }, after);
  if (!ref) timer.unref();
  const onAbort = () => { if (wake) { wake(); wake = null; } };
  signal?.addEventListener('abort', onAbort, { __proto__: null, once: true });
  try {
    for (;;) {
      if (pending === 0) await new Promise((resolve) => { wake = resolve; });
      if (signal?.aborted) throw abortError(signal);
      for (; pending > 0; pending--) yield value;
    }
  } finally {
    timers.clearInterval(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
