// Children run under another user and group (the uid/gid options), in every
// form: spawn, exec, execFile, fork and the Sync ones. The tests run as root, so
// the children become nobody (65534) and lose root's supplementary groups; a
// child that is not root cannot become root (EPERM, thrown by spawn as node does);
// the PATH search happens as the new user (EACCES for a directory it may not
// search); fd plans whose sources and targets cross still land right; bad values
// get node's errors.
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const NOBODY = 65534;

if (process.argv[2] === 'fork-child') {
  process.send([process.getuid(), process.getgid()]);
  process.disconnect();
} else if (process.argv[2] === 'not-root') {
  // Running as nobody: asking for root fails in the child with EPERM.
  const r = cp.spawnSync('id', { uid: 0 });
  console.log('spawnSync uid 0:', r.error.code, r.error.message, r.status, r.pid);
  try {
    cp.spawn('id', { gid: 0 });
  } catch (e) {
    console.log('spawn gid 0 throws:', e.code, e.message, e.errno, e.syscall);
  }
  // Swapped fds: the child's stdout is our stderr and the other way round.
  cp.spawnSync('sh', ['-c', 'echo to-out; echo to-err >&2'],
               { uid: NOBODY, stdio: ['ignore', 2, 1] });
} else {
  main();
}

function main() {
  const text = (b) => String(b).trim();
  console.log('spawnSync id -u:', text(cp.spawnSync('id', ['-u'], { uid: NOBODY }).stdout));
  console.log('spawnSync id -g:', text(cp.spawnSync('id', ['-g'], { gid: NOBODY }).stdout));
  console.log('execFileSync id -G:',
              text(cp.execFileSync('id', ['-G'], { uid: NOBODY, gid: NOBODY })));
  console.log('execSync id -un:', text(cp.execSync('id -un', { uid: NOBODY, gid: NOBODY })));
  // Only the uid: the gid stays root's, the extra groups go.
  console.log('uid only id -G:', text(cp.execFileSync('id', ['-G'], { uid: NOBODY })));

  // uid -1 reaches setgid/setuid, which refuse it.
  const bad = cp.spawnSync('id', { uid: -1 });
  console.log('spawnSync uid -1:', bad.error.code, bad.error.message);
  try {
    cp.spawn('id', { gid: -1 });
  } catch (e) {
    console.log('spawn gid -1 throws:', e.code, e.message);
  }

  for (const value of ['65534', 1.5, 2 ** 31, {}, NaN]) {
    for (const [name, run] of [
      ['spawn', (o) => cp.spawn('id', o)],
      ['spawnSync', (o) => cp.spawnSync('id', o)],
      ['execFile', (o) => cp.execFile('id', o)],
      ['exec', (o) => cp.exec('id', o)],
      ['execSync', (o) => cp.execSync('id', o)],
      ['execFileSync', (o) => cp.execFileSync('id', o)],
      ['fork', (o) => cp.fork(__filename, ['fork-child'], o)],
    ]) {
      for (const key of ['uid', 'gid']) {
        try {
          run({ [key]: value });
          console.log(name, key, 'accepted', value);
        } catch (e) {
          console.log(name, key, e.code, e.message);
        }
      }
    }
  }

  // The PATH search runs as the new user: root may search this directory,
  // nobody may not.
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-uid-'));
  fs.chmodSync(closed, 0o700);
  const env = { PATH: `${closed}:/usr/bin:/bin` };
  const r = cp.spawnSync('no-such-program-here', { env });
  console.log('as root, missing program:', r.error.code);
  const found = cp.spawnSync('id', ['-u'], { env, uid: NOBODY });
  console.log('as nobody, id past the closed dir:', text(found.stdout));

  // The asynchronous forms, one after another.
  const steps = [
    (next) => {
      const c = cp.spawn('no-such-program-here', { env, uid: NOBODY });
      c.on('error', (e) => { console.log('as nobody, missing program:', e.code, e.message); next(); });
    },
    (next) => {
      const c = cp.spawn('id', ['-u'], { uid: NOBODY, gid: NOBODY });
      let out = '';
      c.stdout.on('data', (d) => { out += d; });
      c.on('close', (code) => { console.log('spawn id -u:', text(out), 'exit', code); next(); });
    },
    (next) => {
      cp.execFile('id', ['-g'], { gid: NOBODY }, (err, out) => {
        console.log('execFile id -g:', err, text(out));
        next();
      });
    },
    (next) => {
      cp.exec('pwd; id -u', { uid: NOBODY, cwd: '/tmp' }, (err, out) => {
        console.log('exec pwd, id -u:', err, JSON.stringify(out));
        next();
      });
    },
    (next) => {
      // detached: the child leads its own session (exec and execFile ignore
      // detached and argv0, as node's do).
      const c = cp.spawn('sh', ['-c', 'echo $$; cut -d" " -f6 /proc/$$/stat'],
                         { uid: NOBODY, detached: true });
      let out = '';
      c.stdout.on('data', (d) => { out += d; });
      c.on('close', () => {
        const [pid, sid] = out.trim().split('\n');
        console.log('detached as nobody leads its session:', pid === sid);
        cp.execFile('sh', ['-c', 'echo $0; echo $$; cut -d" " -f6 /proc/$$/stat'],
                    { uid: NOBODY, detached: true, argv0: 'other' }, (err, text) => {
                      const [argv0, pid2, sid2] = text.trim().split('\n');
                      console.log('execFile: argv0', argv0, 'own session', pid2 === sid2);
                      next();
                    });
      });
    },
    (next) => {
      const c = cp.fork(__filename, ['fork-child'], { uid: NOBODY, gid: NOBODY });
      c.on('message', (m) => console.log('fork child uid, gid:', m));
      c.on('exit', (code) => { console.log('fork exit', code); next(); });
    },
    (next) => {
      const c = cp.spawnSync(process.execPath, [__filename, 'not-root'],
                             { uid: NOBODY, gid: NOBODY, cwd: '/' });
      console.log(String(c.stdout).trim());
      console.log('its stderr:', String(c.stderr).trim());
      next();
    },
  ];
  const next = () => {
    const step = steps.shift();
    if (step) step(next);
    else fs.rmdirSync(closed);
  };
  next();
}
