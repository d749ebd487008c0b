'use strict';
// child_process: spawn and its buffered forms (exec, execFile), and the
// synchronous ones (spawnSync, execSync, execFileSync), after Node's API. A
// ChildProcess (internal/child_process) is a pidfd the loop polls plus net.Sockets
// over its stdio pipes; the sync forms run the child to its end without the loop.
// fork starts a coil child with an IPC channel (internal/child_process/ipc).

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice,
  ArrayPrototypeUnshift, Error, ObjectAssign, StringPrototypeIncludes,
} = primordials;

const { Buffer } = require('buffer');
const { ChildProcess, spawnSync: runSync } = require('internal/child_process');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_OUT_OF_RANGE, ERR_CHILD_PROCESS_IPC_REQUIRED,
  },
  AbortError,
} = require('internal/errors');
const {
  validateString, validateObject, validateFunction, validateAbortSignal, validateBoolean,
  isInt32,
} = require('internal/validators');
const { promisify } = require('internal/util/promisify');
const { convertToValidSignal } = require('internal/process/signals');

const kMaxBufferDefault = 1024 * 1024;

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

// options.killSignal as a signal number (undefined if not given); node checks
// it when the child is made, not when it is sent.
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  }
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
  return undefined;
}

// file, args, options as node reads them: the shell form, argv0, cwd, the
// environment as KEY=VALUE pairs.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  options = ObjectAssign({ __proto__: null }, options);
  let cwd = options.cwd;
  if (cwd != null) {
    if (typeof cwd === 'object' && cwd.href !== undefined) cwd = require('url').fileURLToPath(cwd);
    if (typeof cwd !== 'string') throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd);
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !isInt32(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !isInt32(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  if (options.shell) {
    const command = args.length > 0 ? `${file} ${ArrayPrototypeJoin(args, ' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  ArrayPrototypeUnshift(args, typeof options.argv0 === 'string' ? options.argv0 : file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      if (StringPrototypeIncludes(key, '\u0000') || StringPrototypeIncludes(`${value}`, '\u0000')) {
        throw new ERR_INVALID_ARG_VALUE('options.env', env, 'must be a string without null bytes');
      }
      ArrayPrototypePush(envPairs, `${key}=${value}`);
    }
  }
  return { __proto__: null, ...options, cwd, args, envPairs, file };
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let timer = setTimeout(() => {
      if (timer === null) return;
      timer = null;
      try { child.kill(options.killSignal); } catch (e) { child.emit('error', e); }
    }, options.timeout);
    child.once('exit', () => { if (timer !== null) { clearTimeout(timer); timer = null; } });
  }
  if (options.signal !== undefined) {
    const signal = options.signal;
    const onAbort = () => {
      if (child.kill(options.killSignal)) {
        child.emit('error', new AbortError(undefined, { cause: signal.reason }));
      }
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

// execFile(file[, args][, options][, callback]): output gathered, the callback
// gets (error, stdout, stderr).
function execFile(file, args, options, callback) {
  // As node: an array is the args; another object the options (the callback then
  // follows it); a function the callback. A string in any slot is a TypeError
  // (spawn's, validateObject's or validateFunction's).
  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (typeof options === 'function') {
    callback = options;
    options = null;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (callback != null) validateFunction(callback, 'callback');
  if (options != null && options.argv0 != null) validateString(options.argv0, 'options.argv0');
  options = { __proto__: null, encoding: 'utf8', timeout: 0, maxBuffer: kMaxBufferDefault,
              killSignal: 'SIGTERM', cwd: null, env: null, shell: false, ...options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  // As node's: argv0 and detached are not passed on.
  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell,
    signal: options.signal, uid: options.uid, windowsHide: !!options.windowsHide,
    timeout: options.timeout, killSignal: options.killSignal,
  });
  const encoding = options.encoding && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  if (encoding !== null) {
    // 'data' gives strings, as node's: the streams decode.
    if (child.stdout) child.stdout.setEncoding(encoding);
    if (child.stderr) child.stderr.setEncoding(encoding);
  }
  const out = [], err = [];
  let outLen = 0, errLen = 0, ex = null, exited = false, killedHere = false;
  const cmd = args && args.length ? `${file} ${ArrayPrototypeJoin(args, ' ')}` : file;

  function text(chunks) {
    return encoding ? ArrayPrototypeJoin(chunks, '') : Buffer.concat(chunks);
  }
  function done(code, signal) {
    if (exited) return;
    exited = true;
    if (!callback) return;
    const stdout = text(out), stderr = text(err);
    if (!ex && code === 0 && signal === null) return callback(null, stdout, stderr);
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('internal/errors').errnoInfo(code)[0] : code;
      ex.killed = child.killed || killedHere;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }
  function onData(list, which) {
    return (chunk) => {
      const len = chunk.length;
      if (which === 1) outLen += len; else errLen += len;
      const total = which === 1 ? outLen : errLen;
      if (total > options.maxBuffer) {
        const keep = len - (total - options.maxBuffer);
        if (keep > 0) ArrayPrototypePush(list, typeof chunk === 'string' ? chunk.slice(0, keep) : chunk.subarray(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which === 1 ? 'stdout' : 'stderr');
        killedHere = true;
        child.kill(options.killSignal);
        return;
      }
      ArrayPrototypePush(list, chunk);
    };
  }
  if (child.stdout) child.stdout.on('data', onData(out, 1));
  if (child.stderr) child.stderr.on('data', onData(err, 2));
  child.on('close', done);
  child.on('error', (e) => {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    done(null, null);
  });
  return child;
}

// exec(command[, options][, callback]): execFile through the shell.
function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateString(command, 'command');
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return execFile(command, null, options, callback);
}

const customPromiseExecFunction = (orig) => (...args) => {
  let child;
  const promise = new Promise((resolve, reject) => {
    child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
  promise.child = child;
  return promise;
};
Object.defineProperty(exec, promisify.custom, {
  __proto__: null, enumerable: false, value: customPromiseExecFunction(exec),
});
Object.defineProperty(execFile, promisify.custom, {
  __proto__: null, enumerable: false, value: customPromiseExecFunction(execFile),
});

function spawnSync(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  if (options.input !== undefined && typeof options.input !== 'string' &&
      !ArrayBuffer.isView(options.input)) {
    throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                   options.input);
  }
  const result = runSync(options);
  if (result.output !== null && options.encoding && options.encoding !== 'buffer') {
    for (let i = 0; i < result.output.length; i++) {
      if (result.output[i] !== null) result.output[i] = result.output[i].toString(options.encoding);
    }
  }
  const r = { status: result.status, signal: result.signal, output: result.output, pid: result.pid,
              stdout: result.output && result.output[1], stderr: result.output && result.output[2] };
  if (result.error !== undefined) {
    r.error = result.error;
    ObjectAssign(r.error, r);
    delete r.error.error;
    r.error.error = r.error;
  }
  return r;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    ObjectAssign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || ArrayPrototypeJoin(args, ' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    ObjectAssign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (args != null && !ArrayIsArray(args) && typeof args === 'object') {
    options = args;
    args = [];
  }
  const inheritStderr = !(options && options.stdio);
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...(args || [])], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  const inheritStderr = !(options && options.stdio);
  const shell = options && typeof options.shell === 'string' ? options.shell : true;
  const ret = spawnSync(command, [], { __proto__: null, ...options, shell });
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

// fork(modulePath[, args][, options]): the same runtime running modulePath, with
// an IPC channel ('message' / send both ways).
function fork(modulePath, args, options) {
  if (typeof modulePath === 'object' && modulePath !== null && modulePath.href !== undefined) {
    modulePath = require('url').fileURLToPath(modulePath);
  }
  validateString(modulePath, 'modulePath');
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !ArrayIsArray(args)) {
    options = args;
    args = [];
  } else if (!ArrayIsArray(args)) {
    throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  }
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  const execArgv = options.execArgv || process.execArgv;
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = [options.stdio, options.stdio, options.stdio, 'ipc'];
  } else if (!ArrayIsArray(options.stdio)) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath || process.execPath, args, options);
}

module.exports = {
  ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork,
};
