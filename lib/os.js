'use strict';
// The public 'os' module. Host facts come from internalBinding('os') (src/binding/os.rs),
// which reads them as libuv does on Linux; failures come back as a positive errno and
// become ERR_SYSTEM_ERROR here, with libuv's syscall names.
//
// internalBinding('os') functions used:
//   getHostname() -> string | errno          getOSInformation() -> [sysname, version, release, machine] | errno
//   getUptime() -> seconds                   getLoadAvg(Float64Array(3))
//   getTotalMem() / getFreeMem() -> bytes    getAvailableParallelism() -> n
//   getCPUs() -> [model, speed, user, nice, sys, idle, irq, ...] (times in ms)
//   getHomeDirectory() -> string | errno     getUserInfo(asBuffer) -> object | errno
//   getInterfaceAddresses() -> [name, address, netmask, family, mac, internal, scopeid, ...] | errno
//   getPriority(pid) -> number | { errno }   setPriority(pid, prio) -> undefined | { errno }

const {
  ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush, ObjectAssign, ObjectCreate,
  ObjectDefineProperties, SafeArrayIterator, StringPrototypeEndsWith, StringPrototypePadStart,
  StringPrototypeSplit, SymbolToPrimitive,
} = primordials;
const { includesIn, indexOfIn, sliceOf } = require('internal/util/either');

const binding = internalBinding('os');
const { codes: { ERR_SYSTEM_ERROR }, errnoInfo } = require('internal/errors');
const { validateInt32 } = require('internal/validators');
const { signals } = require('internal/process/signals');

function systemError(errno, syscall) {
  const [code, message] = errnoInfo(errno);
  return new ERR_SYSTEM_ERROR({ errno: -errno, code, message, syscall });
}

// Calls fn(); a number result where a string/object was expected is an errno.
function checked(fn, syscall, expect) {
  return function() {
    const r = fn();
    if (typeof r === 'number' && expect !== 'number') throw systemError(r, syscall);
    return r;
  };
}

const getHostname = checked(binding.getHostname, 'uv_os_gethostname', 'string');
const getHomeDirectory = checked(binding.getHomeDirectory, 'uv_os_homedir', 'string');
const getOSInformation = checked(binding.getOSInformation, 'uv_os_uname', 'array');

let osInfo;
function uname() {
  if (osInfo === undefined) osInfo = getOSInformation();
  return osInfo;
}

function arch() { return process.arch; }
function availableParallelism() { return binding.getAvailableParallelism(); }

function cpus() {
  const flat = binding.getCPUs();
  const out = [];
  for (let i = 0; i + 6 < flat.length; i += 7) {
    ArrayPrototypePush(out, {
      model: flat[i],
      speed: flat[i + 1],
      times: { user: flat[i + 2], nice: flat[i + 3], sys: flat[i + 4], idle: flat[i + 5], irq: flat[i + 6] },
    });
  }
  return out;
}

function endianness() { return 'LE'; }
function freemem() { return binding.getFreeMem(); }

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  const r = binding.getPriority(pid);
  if (typeof r === 'object') throw systemError(r.errno, 'uv_os_getpriority');
  return r;
}

function homedir() { return getHomeDirectory(); }
function hostname() { return getHostname(); }

function loadavg() {
  const avg = new Float64Array(3);
  binding.getLoadAvg(avg);
  return [avg[0], avg[1], avg[2]];
}

// Prefix length of a netmask, or null when its one-bits are not contiguous.
function cidrBits(netmask, family) {
  let parts;
  if (family === 'IPv4') {
    parts = ArrayPrototypeMap(StringPrototypeSplit(netmask, '.'), (p) => Number(p));
    parts = ArrayPrototypeMap(parts, (p) => StringPrototypePadStart(p.toString(2), 8, '0'));
  } else {
    const halves = StringPrototypeSplit(netmask, '::');
    const head = halves[0] ? StringPrototypeSplit(halves[0], ':') : [];
    const tail = halves.length > 1 && halves[1] ? StringPrototypeSplit(halves[1], ':') : [];
    const groups = [...head, ...new Array(8 - head.length - tail.length).fill('0'), ...tail];
    parts = ArrayPrototypeMap(groups, (g) => StringPrototypePadStart(parseInt(g, 16).toString(2), 16, '0'));
  }
  const bits = ArrayPrototypeJoin(parts, '');
  const ones = indexOfIn(bits, '0') === -1 ? bits.length : indexOfIn(bits, '0');
  return includesIn(sliceOf(bits, ones), '1') ? null : ones;
}

function networkInterfaces() {
  const flat = binding.getInterfaceAddresses();
  if (typeof flat === 'number') throw systemError(flat, 'uv_interface_addresses');
  const out = {};
  for (let i = 0; i + 6 < flat.length; i += 7) {
    const [name, address, netmask, family, mac, internal, scopeid] = sliceOf(flat, i, i + 7);
    const bits = cidrBits(netmask, family);
    const entry = { address, netmask, family, mac, internal, cidr: bits === null ? null : `${address}/${bits}` };
    if (family === 'IPv6') entry.scopeid = scopeid;
    ArrayPrototypePush((out[name] ||= []), entry);
  }
  return out;
}

function platform() { return process.platform; }
function release() { return uname()[2]; }

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const r = binding.setPriority(pid, priority);
  if (r !== undefined) throw systemError(r.errno, 'uv_os_setpriority');
}

// TMPDIR, TMP, TEMP, then /tmp; a trailing slash is dropped (but '/' stays).
function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && StringPrototypeEndsWith(path, '/')) path = sliceOf(path, 0, -1);
  return path;
}

function totalmem() { return binding.getTotalMem(); }
function type() { return uname()[0]; }

function userInfo(options) {
  const asBuffer = options !== null && typeof options === 'object' && options.encoding === 'buffer';
  const info = binding.getUserInfo(asBuffer);
  if (typeof info === 'number') throw systemError(info, 'uv_os_get_passwd');
  const { Buffer } = require('buffer');
  const out = ObjectCreate(null);
  out.uid = info.uid;
  out.gid = info.gid;
  for (const key of new SafeArrayIterator(['username', 'homedir', 'shell'])) {
    const v = info[key];
    out[key] = asBuffer ? Buffer.from(v.buffer, v.byteOffset, v.length) : v;
  }
  return out;
}

function uptime() { return binding.getUptime(); }
function version() { return uname()[1]; }
function machine() { return uname()[3]; }

function nullProto(obj) { return ObjectAssign(ObjectCreate(null), obj); }

const constants = ObjectCreate(null);
constants.UV_UDP_REUSEADDR = 4;
constants.dlopen = nullProto({ RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 });
// Linux errno numbers, in Node's (alphabetical) order.
constants.errno = nullProto({
  E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAFNOSUPPORT: 97, EAGAIN: 11,
  EALREADY: 114, EBADF: 9, EBADMSG: 74, EBUSY: 16, ECANCELED: 125, ECHILD: 10,
  ECONNABORTED: 103, ECONNREFUSED: 111, ECONNRESET: 104, EDEADLK: 35, EDESTADDRREQ: 89,
  EDOM: 33, EDQUOT: 122, EEXIST: 17, EFAULT: 14, EFBIG: 27, EHOSTUNREACH: 113, EIDRM: 43,
  EILSEQ: 84, EINPROGRESS: 115, EINTR: 4, EINVAL: 22, EIO: 5, EISCONN: 106, EISDIR: 21,
  ELOOP: 40, EMFILE: 24, EMLINK: 31, EMSGSIZE: 90, EMULTIHOP: 72, ENAMETOOLONG: 36,
  ENETDOWN: 100, ENETRESET: 102, ENETUNREACH: 101, ENFILE: 23, ENOBUFS: 105, ENODATA: 61,
  ENODEV: 19, ENOENT: 2, ENOEXEC: 8, ENOLCK: 37, ENOLINK: 67, ENOMEM: 12, ENOMSG: 42,
  ENOPROTOOPT: 92, ENOSPC: 28, ENOSR: 63, ENOSTR: 60, ENOSYS: 38, ENOTCONN: 107, ENOTDIR: 20,
  ENOTEMPTY: 39, ENOTSOCK: 88, ENOTSUP: 95, ENOTTY: 25, ENXIO: 6, EOPNOTSUPP: 95,
  EOVERFLOW: 75, EPERM: 1, EPIPE: 32, EPROTO: 71, EPROTONOSUPPORT: 93, EPROTOTYPE: 91,
  ERANGE: 34, EROFS: 30, ESPIPE: 29, ESRCH: 3, ESTALE: 116, ETIME: 62, ETIMEDOUT: 110,
  ETXTBSY: 26, EWOULDBLOCK: 11, EXDEV: 18,
});
constants.signals = nullProto(signals);
constants.priority = nullProto({
  PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
});

// Node lets these be used where a string is expected: `${os.hostname}`.
for (const fn of new SafeArrayIterator([arch, availableParallelism, endianness, freemem, homedir, hostname, machine,
  platform, release, tmpdir, totalmem, type, uptime, version])) {
  fn[SymbolToPrimitive] = () => fn();
}

module.exports = {
  arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname,
  loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type,
  userInfo, uptime, version, machine,
};
ObjectDefineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
