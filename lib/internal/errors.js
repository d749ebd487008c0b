'use strict';
// Node-compatible error classes and helpers used by every built-in module:
// `codes.ERR_X` classes (message, `code`, the `Name [ERR_X]: msg` stack header),
// AbortError, SystemError, and the errno helpers that turn a Linux errno into
// Node's fs/net style errors (`ENOENT: no such file or directory, open '/x'`).
//
// internalBinding functions used: none. Messages that embed values use
// internal/util/inspect, required lazily because inspect itself throws these errors.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  ErrorCaptureStackTrace,
  JSONStringify,
  Map,
  MapPrototypeSet,
  MathAbs,
  NumberIsInteger,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  RangeError,
  ReflectApply,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  Symbol,
  TypeError,
  URIError,
} = primordials;

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(v, opts) { return lazyInspect().inspect(v, opts); }

const messages = new SafeMap();
const codes = {};

// Installs the `Name [CODE]: message` header into the stack the way Node does:
// the name is set only while the stack is captured and formatted, then removed
// so that `err.name` stays the plain base name.
function captureWithCode(err, code, ctor) {
  const own = ObjectGetOwnPropertyDescriptor(err, 'name');
  ObjectDefineProperty(err, 'name', {
    __proto__: null, value: `${err.name} [${code}]`, writable: true, enumerable: false, configurable: true,
  });
  ErrorCaptureStackTrace(err, ctor);
  // V8 formats the stack lazily; reading it now fixes the header while the name holds the code.
  err.stack; // eslint-disable-line no-unused-expressions
  if (own) ObjectDefineProperty(err, 'name', { __proto__: null, ...own });
  else delete err.name;
}

// Fills %s, %d, %j (and %%) from args; scanned by hand, since a RegExp's replace
// would look up a user-patchable RegExp.prototype.exec.
function formatMessage(self, msg, args) {
  if (typeof msg === 'function') return ReflectApply(msg, self, args);
  let out = '';
  let last = 0;
  let next = 0;
  for (let i = 0; i < msg.length - 1; i++) {
    if (StringPrototypeCharCodeAt(msg, i) !== 37) continue; // '%'
    const kind = msg[i + 1];
    let piece;
    if (kind === '%') {
      piece = '%';
    } else if (kind === 's' || kind === 'd' || kind === 'j') {
      const a = args[next++];
      if (kind === 'd') piece = `${+a}`;
      else if (kind === 'j') piece = JSONStringify(a);
      else piece = typeof a === 'string' ? a : lazyInspect().format('%s', a);
    } else {
      continue;
    }
    out += StringPrototypeSlice(msg, last, i) + piece;
    last = i + 2;
    i++;
  }
  return out + StringPrototypeSlice(msg, last);
}

function makeNodeErrorClass(Base, code) {
  // Named after its base, and `err.constructor` is the base, as in Node.
  const Cls = {
    [Base.name]: class extends Base {
      constructor(...args) {
        super();
        ObjectDefineProperty(this, 'code', {
          __proto__: null, value: code, writable: true, enumerable: true, configurable: true,
        });
        // Builders may attach extra properties (e.g. ERR_INVALID_URL's `input`).
        ObjectDefineProperty(this, 'message', {
          __proto__: null,
          value: formatMessage(this, messages.get(code), args),
          writable: true, enumerable: false, configurable: true,
        });
        captureWithCode(this, code, new.target);
      }
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    },
  }[Base.name];
  ObjectDefineProperty(Cls.prototype, 'constructor', {
    __proto__: null,
    value: Base, writable: true, enumerable: false, configurable: true,
  });
  return Cls;
}

// E(code, message, Base, ...otherBases). `message` is a string with %s
// placeholders or a function building it from the constructor's arguments.
function E(code, message, Base, ...others) {
  messages.set(code, message);
  const Cls = makeNodeErrorClass(Base, code);
  for (let i = 0; i < others.length; i++) Cls[others[i].name] = makeNodeErrorClass(others[i], code);
  codes[code] = Cls;
  return Cls;
}

const {
  addNumericalSeparator, determineSpecificType, invalidArgTypeMessage,
} = require('internal/errors/messages');

// ---- the code table (keep it easy to extend: one E() per code) ----
E('ERR_ACCESS_DENIED', function(message, permission = '', resource = '') {
  this.permission = permission;
  this.resource = resource;
  return message;
}, Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name) => (name ? `"${name}" is outside of buffer bounds`
  : 'Attempt to access memory outside buffer bounds'), RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED',
  "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length', RangeError);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, which is being used to run Node.js',
  TypeError);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_FS_INVALID_SYMLINK_TYPE',
  'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
E('ERR_HTTP_BODY_NOT_ALLOWED',
  'Adding content for this request method or response status is not allowed.', Error);
E('ERR_HTTP_CONTENT_LENGTH_MISMATCH', "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header", Error);
E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
E('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);
E('ERR_HTTP_SOCKET_ENCODING',
  'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR',
  'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]', Error);
E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
E('ERR_INVALID_OBJECT_DEFINE_PROPERTY', '%s', TypeError);
E('ERR_INVALID_ADDRESS_FAMILY', function(family, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${family} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', invalidArgTypeMessage, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
  const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CHAR', (name, field) => (field !== undefined
  ? `Invalid character in ${name} ["${field}"]` : `Invalid character in ${name}`), TypeError);
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) =>
  `The MIME syntax for a ${production} in "${str}" is invalid${invalidIndex !== -1 ? ` at ${invalidIndex}` : ''}`,
TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base) =>
  `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`, TypeError);
E('ERR_INVALID_OPT_VALUE_ENCODING', 'The value "%s" is invalid for option "encoding"', TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) =>
  `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`,
Error);
// `target` arrives already made a string (objects as JSON), so a number reads "5".
E('ERR_INVALID_PACKAGE_TARGET', (pkgDir, key, target, isImport = false, base = undefined) => {
  const config = `the package config ${pkgDir}/package.json${base ? ` imported from ${base}` : ''}`;
  const { JSONStringify } = primordials;
  const relError = !isImport && target.length > 0 && !StringPrototypeStartsWith(target, './');
  const hint = relError ? '; targets must start with "./"' : '';
  if (key === '.' && !isImport) {
    return `Invalid "exports" main target ${JSONStringify(target)} defined in ${config}${hint}`;
  }
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSONStringify(target)} defined for '${key}' in ${config}${hint}`;
}, Error);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  const type = value == null || typeof value === 'function' || typeof value === 'object'
    ? determineSpecificType(value)
    : determineSpecificType(typeof value === 'string' && value.length > 28
      ? `${StringPrototypeSlice(value, 0, 25)}...` : value);
  return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
}, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ? `one of scheme ${expected[0]} or ${expected[1]}`
    : `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const wrap = (a) => `"${a}"`;
  args = ArrayPrototypeMap(args, (a) => (ArrayIsArray(a) ?
    ArrayPrototypeJoin(ArrayPrototypeMap(a, wrap), ' or ') : wrap(a)));
  msg += args.length > 2 ?
    `${ArrayPrototypeJoin(ArrayPrototypeSlice(args, 0, -1), ', ')}, and ${args[args.length - 1]}` :
    ArrayPrototypeJoin(args, ' and ');
  return `${msg} argument${args.length > 1 ? 's' : ''} must be specified`;
}, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
// An own `url`, never through a setter a program put on Error.prototype.
function defineUrl(err, url) {
  ObjectDefineProperty(err, 'url', { __proto__: null, value: url, writable: true, enumerable: true, configurable: true });
}
E('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
  if (exactUrl) defineUrl(this, `${exactUrl}`);
  // Node says "package" when no exact file URL was looked for (a bare name).
  return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}'${base ? ` imported from ${base}` : ''}`;
}, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', Error);
E('ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  'error:030000B2:digital envelope routines::not XOF or invalid length', Error);
E('ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
  'Object that needs transfer was found in message but not listed in transferList', TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%s is not a valid timestamp', TypeError);
E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (NumberIsInteger(input) && MathAbs(input) > 2 ** 32) {
    received = addNumericalSeparator(`${input}`);
  } else if (typeof input === 'bigint') {
    received = `${input}`;
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, pkgDir, base) =>
  `Package import specifier "${specifier}" is not defined${pkgDir ? ` in package ${pkgDir}/package.json` : ''} imported from ${base}`,
TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgDir, subpath, base = undefined) => {
  const from = base ? ` imported from ${base}` : '';
  if (subpath === '.') return `No "exports" main defined in ${pkgDir}/package.json${from}`;
  return `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}/package.json${from}`;
}, Error);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ? ". To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"" + option + '"' : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_REQUIRE_ESM', (filename, hasEsmSyntax, parentPath) => {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (StringPrototypeEndsWith(`${filename}`, '.mjs')) msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
  return msg;
}, Error);
E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x1fffffe8 characters', Error);
E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active',
  Error);
E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError);
E('ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error);
// node:test's wrapper around what made a test fail: `cause` is the thrown value.
E('ERR_TEST_FAILURE', function(error, failureType) {
  this.failureType = failureType;
  this.cause = error;
  return typeof error === 'string' ? error : (error?.message ?? inspect(error));
}, Error);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${typeof err === 'string' ? err : `${err}`})`;
}, Error);
// `reason` is the already-stringified rejection reason (Node shows objects as "#<Object>").
E('ERR_UNHANDLED_REJECTION', 'This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "%s".', Error);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', Error);
E('ERR_WORKER_PATH', (filename) => 'The worker script or module filename must be an absolute path or a ' +
  "relative path starting with './' or '../'." +
  (StringPrototypeStartsWith(filename, 'file://') ? ' Wrap file:// URLs with `new URL`.' : '') +
  (StringPrototypeStartsWith(filename, 'data:text/javascript') ? ' Wrap data: URLs with `new URL`.' : '') +
  ` Received "${filename}"`, TypeError);
E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') =>
  `Initiated Worker with ${msg}: ${errors}`, Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
  if (exactUrl !== undefined) defineUrl(this, exactUrl);
  return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
}, Error);
// coil's own: a Node API coil does not provide (e.g. path.win32).
E('ERR_UNSUPPORTED', '%s is not supported by coil', Error);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);

// ---- SystemError: errors carrying a libuv-style context ----
// Marks errors whose accessor properties inspect() shows with their values.
const kIsNodeError = Symbol('kIsNodeError');

class SystemError extends Error {
  constructor(key, context, prefix) {
    super();
    ObjectDefineProperty(this, kIsNodeError, { __proto__: null, value: true, enumerable: false, configurable: true });
    context = context || {};
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    const data = (value, enumerable) =>
      ({ __proto__: null, value, writable: true, enumerable, configurable: true });
    ObjectDefineProperty(this, 'code', data(key, true));
    ObjectDefineProperty(this, 'name', data('SystemError', false));
    ObjectDefineProperty(this, 'message', data(message, false));
    ObjectDefineProperty(this, 'info', data(context, true));
    // errno/syscall/path/dest read and write through to `info`, as in Node.
    const props = ['errno', 'syscall', 'path', 'dest'];
    for (let i = 0; i < props.length; i++) {
      const prop = props[i];
      if (prop !== 'errno' && prop !== 'syscall' && context[prop] === undefined) continue;
      ObjectDefineProperty(this, prop, {
        __proto__: null,
        get() { return context[prop]; },
        set(value) { context[prop] = value; },
        enumerable: true, configurable: true,
      });
    }
    captureWithCode(this, key, new.target);
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}

function ES(code, prefix) {
  codes[code] = {
    SystemError: class extends SystemError {
      constructor(context) { super(code, context, prefix); }
    },
  }.SystemError;
}
ES('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory');
ES('ERR_FS_CP_EEXIST', 'Target already exists');
ES('ERR_FS_CP_EINVAL', 'Invalid src or dest');
ES('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe');
ES('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory');
ES('ERR_FS_CP_SOCKET', 'Cannot copy a socket file');
ES('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self');
ES('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type');
ES('ERR_FS_EISDIR', 'Path is a directory');
ES('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size');
ES('ERR_SYSTEM_ERROR', 'A system error occurred');
ES('ERR_TTY_INIT_FAILED', 'TTY initialization failed');

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// Node 20 only uses this to trim internal frames; coil keeps the frames.
function hideStackFrames(fn) { return fn; }

// ---- Linux errno → [name, message] (messages are libuv's, as Node prints them) ----
const errnoTable = [
  [1, 'EPERM', 'operation not permitted'], [2, 'ENOENT', 'no such file or directory'],
  [3, 'ESRCH', 'no such process'], [4, 'EINTR', 'interrupted system call'],
  [5, 'EIO', 'i/o error'], [6, 'ENXIO', 'no such device or address'],
  [7, 'E2BIG', 'argument list too long'], [9, 'EBADF', 'bad file descriptor'],
  [11, 'EAGAIN', 'resource temporarily unavailable'], [12, 'ENOMEM', 'not enough memory'],
  [13, 'EACCES', 'permission denied'], [14, 'EFAULT', 'bad address in system call argument'],
  [16, 'EBUSY', 'resource busy or locked'], [17, 'EEXIST', 'file already exists'],
  [18, 'EXDEV', 'cross-device link not permitted'], [19, 'ENODEV', 'no such device'],
  [20, 'ENOTDIR', 'not a directory'], [21, 'EISDIR', 'illegal operation on a directory'],
  [22, 'EINVAL', 'invalid argument'], [23, 'ENFILE', 'file table overflow'],
  [24, 'EMFILE', 'too many open files'], [25, 'ENOTTY', 'inappropriate ioctl for device'],
  [26, 'ETXTBSY', 'text file is busy'], [27, 'EFBIG', 'file too large'],
  [28, 'ENOSPC', 'no space left on device'], [29, 'ESPIPE', 'invalid seek'],
  [30, 'EROFS', 'read-only file system'], [31, 'EMLINK', 'too many links'],
  [32, 'EPIPE', 'broken pipe'], [34, 'ERANGE', 'result too large'],
  [36, 'ENAMETOOLONG', 'name too long'], [38, 'ENOSYS', 'function not implemented'],
  [39, 'ENOTEMPTY', 'directory not empty'], [40, 'ELOOP', 'too many symbolic links encountered'],
  [49, 'EUNATCH', 'protocol driver not attached'], [61, 'ENODATA', 'no data available'],
  [64, 'ENONET', 'machine is not on the network'], [71, 'EPROTO', 'protocol error'],
  [75, 'EOVERFLOW', 'value too large for defined data type'], [84, 'EILSEQ', 'illegal byte sequence'],
  [88, 'ENOTSOCK', 'socket operation on non-socket'],
  [89, 'EDESTADDRREQ', 'destination address required'], [90, 'EMSGSIZE', 'message too long'],
  [91, 'EPROTOTYPE', 'protocol wrong type for socket'], [92, 'ENOPROTOOPT', 'protocol not available'],
  [93, 'EPROTONOSUPPORT', 'protocol not supported'],
  [94, 'ESOCKTNOSUPPORT', 'socket type not supported'],
  [95, 'ENOTSUP', 'operation not supported on socket'],
  [97, 'EAFNOSUPPORT', 'address family not supported'], [98, 'EADDRINUSE', 'address already in use'],
  [99, 'EADDRNOTAVAIL', 'address not available'], [100, 'ENETDOWN', 'network is down'],
  [101, 'ENETUNREACH', 'network is unreachable'], [103, 'ECONNABORTED', 'software caused connection abort'],
  [104, 'ECONNRESET', 'connection reset by peer'], [105, 'ENOBUFS', 'no buffer space available'],
  [106, 'EISCONN', 'socket is already connected'], [107, 'ENOTCONN', 'socket is not connected'],
  [108, 'ESHUTDOWN', 'cannot send after transport endpoint shutdown'],
  [110, 'ETIMEDOUT', 'connection timed out'], [111, 'ECONNREFUSED', 'connection refused'],
  [112, 'EHOSTDOWN', 'host is down'], [113, 'EHOSTUNREACH', 'host is unreachable'],
  [114, 'EALREADY', 'connection already in progress'], [121, 'EREMOTEIO', 'remote I/O error'],
  [125, 'ECANCELED', 'operation canceled'],
  // libuv's own codes (getaddrinfo and friends), kept under their negative values.
  [3000, 'EAI_ADDRFAMILY', 'address family not supported'], [3001, 'EAI_AGAIN', 'temporary failure'],
  [3002, 'EAI_BADFLAGS', 'bad ai_flags value'], [3003, 'EAI_CANCELED', 'request canceled'],
  [3004, 'EAI_FAIL', 'permanent failure'], [3005, 'EAI_FAMILY', 'ai_family not supported'],
  [3006, 'EAI_MEMORY', 'out of memory'], [3007, 'EAI_NODATA', 'no address'],
  [3008, 'EAI_NONAME', 'unknown node or service'], [3009, 'EAI_OVERFLOW', 'argument buffer overflow'],
  [3010, 'EAI_SERVICE', 'service not available for socket type'],
  [3011, 'EAI_SOCKTYPE', 'socket type not supported'], [3013, 'EAI_BADHINTS', 'invalid value for hints'],
  [3014, 'EAI_PROTOCOL', 'resolved protocol is unknown'],
  [4028, 'EFTYPE', 'inappropriate file type or format'], [4080, 'ECHARSET', 'invalid Unicode character'],
  [4094, 'UNKNOWN', 'unknown error'], [4095, 'EOF', 'end of file'],
];
const errnoMap = new SafeMap();
const errnoByName = new SafeMap();
for (let i = 0; i < errnoTable.length; i++) {
  const entry = errnoTable[i];
  errnoMap.set(entry[0], [entry[1], entry[2]]);
  errnoByName.set(entry[1], entry[0]);
}

// Accepts a positive Linux errno or a negative (uv-style) one.
function errnoInfo(errno) {
  return errnoMap.get(MathAbs(errno)) || ['UNKNOWN', 'unknown error'];
}

// Node's fs-style error: `ENOENT: no such file or directory, open '/x'`.
// `errno` is the positive Linux errno; err.errno is negative, as in Node.
function errnoException({ errno, syscall, path, dest, message } = {}) {
  const info = errnoInfo(errno);
  const code = info[0];
  let msg = `${code}: ${message || info[1]}, ${syscall}`;
  if (path !== undefined) msg += ` '${path}'`;
  if (dest !== undefined) msg += ` -> '${dest}'`;
  const err = new Error(msg);
  err.errno = -MathAbs(errno);
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = typeof path === 'string' ? path : `${path}`;
  if (dest !== undefined) err.dest = typeof dest === 'string' ? dest : `${dest}`;
  ErrorCaptureStackTrace(err, errnoException);
  return err;
}

// Node's net-style error: `connect ECONNREFUSED 127.0.0.1:80`.
function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = errnoInfo(errno)[0];
  let details = port !== undefined && port > 0 ? `${address}:${port}` : address;
  if (additional) details += ` - Local (${additional})`;
  const err = new Error(`${syscall} ${code}${details ? ` ${details}` : ''}`);
  err.errno = -MathAbs(errno);
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  ErrorCaptureStackTrace(err, exceptionWithHostPort);
  return err;
}

// For util.getSystemErrorName / getSystemErrorMap (keys are negative, as in Node).
function getSystemErrorName(errno) {
  const entry = errnoMap.get(-errno);
  return entry && errno < 0 ? entry[0] : `Unknown system error ${errno}`;
}
function getSystemErrorMap() {
  // A plain Map: it is handed to user code.
  const map = new Map();
  for (let i = 0; i < errnoTable.length; i++) {
    const entry = errnoTable[i];
    MapPrototypeSet(map, -entry[0], [entry[1], entry[2]]);
  }
  return map;
}

module.exports = {
  codes, E, AbortError, SystemError, kIsNodeError, hideStackFrames, determineSpecificType,
  addNumericalSeparator, errnoException, exceptionWithHostPort, errnoInfo, errnoByName,
  getSystemErrorName, getSystemErrorMap,
};
