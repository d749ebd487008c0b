// coil-only: node has an inspector; coil is like a Node built without one
// Every name of the module throws ERR_INSPECTOR_NOT_AVAILABLE (again on each
// require: a failed load is not cached), process.features says there is none, and
// the --inspect family of flags is refused with a message that says why;
// NODE_V8_COVERAGE (collected through the inspector) gets node's warning.
const { spawnSync } = require('child_process');
for (const id of ['inspector', 'node:inspector', 'inspector/promises', 'node:inspector/promises', 'inspector']) {
  try {
    require(id);
    console.log(id, 'loaded');
  } catch (e) {
    console.log(id, e.name, e.code, e.message, e instanceof Error, e.stack.split('\n')[0]);
  }
}
console.log('features.inspector', process.features.inspector);
for (const flag of ['--inspect', '--inspect=9230', '--inspect-brk', '--inspect-port=0', '--inspect-wait']) {
  const r = spawnSync(process.execPath, [flag, '-e', 'console.log("ran")'], { encoding: 'utf8' });
  console.log(flag, r.status, JSON.stringify(r.stdout), r.stderr.trim());
}
const env = { ...process.env, NODE_OPTIONS: '--inspect' };
const r = spawnSync(process.execPath, ['-e', 'console.log("ran")'], { encoding: 'utf8', env });
console.log('NODE_OPTIONS', r.status, r.stderr.trim());
const cov = spawnSync(process.execPath, ['-e', 'console.log("ran")'], {
  encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: '/nonexistent/coverage' },
});
console.log('NODE_V8_COVERAGE', cov.status, cov.stdout.trim(), cov.stderr.split('\n')[0].replace(/\(\w+:\d+\)/, '(PID)'));
