// A forked child's 'close' waits for its IPC channel as well: it comes after
// 'disconnect', with `channel` null and `connected` false, as in node (code that
// reads channel.fd in a 'close' listener must not find a closed socket there).
if (process.argv[2] === 'child') {
  setTimeout(() => process.exit(3), 20);
  return;
}
const cp = require('child_process');
const c = cp.fork(__filename, ['child']);
const seen = [];
c.on('disconnect', () => seen.push('disconnect'));
c.on('close', (code) => {
  seen.push('close');
  console.log(seen.join(' then '), '| code', code, '| channel', c.channel, '| connected', c.connected);
});
