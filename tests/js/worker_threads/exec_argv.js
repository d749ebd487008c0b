// execArgv: the worker's options come from it (--trace-warnings prints a
// warning's stack, --no-warnings silences them), it is the worker's
// process.execArgv, and flags a worker cannot take are refused with
// ERR_WORKER_INVALID_EXEC_ARGV.
const { Worker } = require('worker_threads');

function stderrOf(execArgv, done) {
  const w = new Worker("process.emitWarning('careful'); " +
    "require('worker_threads').parentPort.postMessage(process.execArgv)",
  { eval: true, execArgv, stderr: true });
  let err = '';
  let argv;
  w.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  w.on('message', (m) => { argv = m; });
  w.stderr.on('end', () => done(err, argv));
}

stderrOf(['--trace-warnings'], (err, argv) => {
  console.log('trace:', argv, /Warning: careful\n\s+at /.test(err));
  stderrOf(['--no-warnings'], (err2, argv2) => {
    console.log('silenced:', argv2, JSON.stringify(err2));
    for (const bad of [['--foo'], ['--max-old-space-size=10', '--title=x'], ['-r']]) {
      try {
        new Worker('1', { eval: true, execArgv: bad });
        console.log('accepted', bad);
      } catch (e) {
        console.log(e.code, e.message);
      }
    }
  });
});
