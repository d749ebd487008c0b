// os: shapes and values that are stable on a host, checked against the sources Node
// reads; errors from argument checks and failing system calls.
const os = require('os');
const fs = require('fs');
console.log(Object.keys(os));
console.log(os.EOL === '\n', os.devNull, os.platform(), os.type(), os.arch(), os.endianness());
console.log(os.release() === fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim());
console.log(os.hostname() === fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim());
console.log(`${os.hostname}` === os.hostname(), `${os.platform}`, typeof os.version(), os.machine() === 'x86_64' || os.machine() === 'aarch64');
const cpus = os.cpus();
const statCount = fs.readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length;
console.log(cpus.length === statCount, Object.keys(cpus[0]), Object.keys(cpus[0].times));
console.log(cpus.every((c) => typeof c.model === 'string' && typeof c.speed === 'number' &&
  Object.values(c.times).every((t) => Number.isInteger(t) && t >= 0)));
console.log(os.availableParallelism() >= 1, os.availableParallelism() <= cpus.length);
const total = os.totalmem();
const free = os.freemem();
console.log(Number.isInteger(total), total > free, free > 0);
const la = os.loadavg();
console.log(Array.isArray(la), la.length, la.every((x) => typeof x === 'number' && x >= 0));
const up = os.uptime();
console.log(typeof up, Math.abs(up - parseFloat(fs.readFileSync('/proc/uptime', 'utf8'))) < 5);
// tmpdir follows TMPDIR, TMP, TEMP
const saved = { ...process.env };
delete process.env.TMPDIR; delete process.env.TMP; delete process.env.TEMP;
console.log(os.tmpdir());
process.env.TEMP = '/t3/'; console.log(os.tmpdir());
process.env.TMP = '/t2'; console.log(os.tmpdir());
process.env.TMPDIR = '/t1//'; console.log(os.tmpdir());
process.env.TMPDIR = '/'; console.log(os.tmpdir());
for (const k of ['TMPDIR', 'TMP', 'TEMP']) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
process.env.HOME = '/my/home'; console.log(os.homedir());
const ui = os.userInfo();
const ids = (k) => Number(fs.readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(k)).split(/\s+/)[1]);
console.log(Object.getPrototypeOf(ui), Object.keys(ui), ui.uid === ids('Uid:'), ui.gid === ids('Gid:'));
const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')).find((f) => Number(f[2]) === ui.uid);
console.log(ui.username === passwd[0], ui.homedir === passwd[5], ui.shell === passwd[6]);
const ub = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(ub.username), ub.username.toString() === ui.username, typeof os.userInfo({ encoding: 'x' }).username);
const ifs = os.networkInterfaces();
console.log(Object.getPrototypeOf(ifs) === Object.prototype, ifs.lo[0]);
for (const list of Object.values(ifs)) {
  for (const a of list) {
    const keys = Object.keys(a).join();
    const ok = a.family === 'IPv4' ? keys === 'address,netmask,family,mac,internal,cidr'
      : keys === 'address,netmask,family,mac,internal,cidr,scopeid';
    if (!ok || !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.mac)) console.log('bad entry', a);
  }
}
console.log(Object.keys(os.constants), os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.UV_UDP_REUSEADDR);
console.log(os.constants.priority, os.constants.dlopen, Object.keys(os.constants.errno).length, Object.keys(os.constants.signals).length);
// The nice value the kernel reports (field 19 of /proc/self/stat), which a parent
// such as `nice` may have raised.
const nice = Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[16]);
console.log(os.getPriority() === nice, os.getPriority(process.pid) === nice, os.getPriority(0) === nice);
for (const f of [() => os.getPriority('x'), () => os.getPriority(1.5), () => os.setPriority(0, 100),
  () => os.setPriority(-30), () => os.setPriority('a', 1), () => os.getPriority(2 ** 31), () => os.getPriority(999999999)]) {
  try { f(); console.log('no throw'); } catch (e) { console.log(e.name, e.code, e.message); if (e.info) console.log(e.info); }
}
