// process facts: argv, env backed by the real environment, cwd/chdir, hrtime,
// memoryUsage, umask, versions.
// script-args: one --two
const path = require('path');
console.log(process.argv.length, path.basename(process.argv[1]), process.argv.slice(2).join(' '));
console.log(process.platform, typeof process.pid, typeof process.ppid, process.arch === 'x64' || process.arch === 'arm64');
console.log(typeof process.version, process.version.startsWith('v'), typeof process.versions.v8);
process.env.COIL_TEST_VAR = 42;
console.log(process.env.COIL_TEST_VAR, typeof process.env.COIL_TEST_VAR, 'COIL_TEST_VAR' in process.env);
delete process.env.COIL_TEST_VAR;
console.log(process.env.COIL_TEST_VAR, process.env.PATH !== undefined);
const cwd = process.cwd();
process.chdir('..');
console.log(process.cwd() === path.dirname(cwd));
process.chdir(cwd);
try { process.chdir('/definitely/missing/dir'); } catch (e) { console.log(e.code, e.syscall); }
const [s, ns] = process.hrtime();
console.log(Number.isInteger(s), ns >= 0 && ns < 1e9, typeof process.hrtime.bigint());
const d = process.hrtime([s, ns]);
console.log(d[0] >= 0, d.length);
const m = process.memoryUsage();
console.log(m.rss > 0, m.heapUsed > 0, m.heapTotal >= m.heapUsed, typeof process.memoryUsage.rss());
console.log(typeof process.umask(), process.uptime() >= 0);
console.log(typeof process.stdout.write, process.stdout.write('direct write\n'));
