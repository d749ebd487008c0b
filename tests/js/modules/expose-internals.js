// --expose-internals: require('internal/...') (with or without node:) loads the
// runtime's internal modules, isBuiltin says so, and 'internal/test/binding' gives
// { internalBinding, primordials } with a warning; without the flag they stay
// unknown, and NODE_OPTIONS refuses the flag. Also --[no-]network-family-autoselection
// and --network-family-autoselection-attempt-timeout, which set net's defaults.
const { spawnSync } = require('child_process');
function run(flags, code, env) {
  const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  const warn = r.stderr.split('\n').find((l) => l.includes('internal/test/binding:'));
  console.log(JSON.stringify(flags), env ? JSON.stringify(env) : '', '->', r.status, r.stdout.trim(),
              warn ? '| warned: ' + warn.replace(/^\(\w+:\d+\) /, '') : '');
  if (r.status !== 0) {
    const line = r.stderr.split('\n').find((l) => /^\w*Error|not allowed/.test(l));
    console.log('  ', line.replace(/^\S+: --/, '--'));
  }
}
const probe = `
  for (const id of ['internal/errors', 'node:internal/errors']) {
    try { console.log(id, typeof require(id).codes); } catch (e) { console.log(id, e.code, e.message.split('\\n')[0]); }
  }
  console.log(require('module').isBuiltin('internal/errors'), require('module').isBuiltin('internal/nope'));`;
run([], probe);
run(['--expose-internals'], probe);
const binding = `
  const b = require('internal/test/binding');
  const again = require('internal/test/binding');
  console.log(Object.keys(b).join(), typeof b.internalBinding, typeof b.primordials, b === again);
  const uv = b.internalBinding('uv');
  console.log(uv.UV_ENOENT === -2, uv.UV_EEXIST === -17, uv.UV_EOF, uv.errname(-2), uv.getErrorMap().get(-2));
  console.log(typeof b.primordials.ArrayPrototypePush);`;
run(['--expose-internals'], binding);
run([], "require('internal/test/binding')");
run([], 'console.log(1)', { NODE_OPTIONS: '--expose-internals' });
const family = "const net = require('net'); console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout())";
run([], family);
run(['--no-network-family-autoselection'], family);
run(['--network-family-autoselection'], family);
run(['--network-family-autoselection-attempt-timeout=100'], family);
run([], family, { NODE_OPTIONS: '--no-network-family-autoselection' });
