// A worker's console output reaches the parent through worker.stdout /
// worker.stderr: piped to the parent's own by default, readable when
// options.stdout / options.stderr are set; all of it arrives before 'exit'.
const { Worker } = require('worker_threads');

const piped = new Worker('console.log("to the parent stdout"); console.error("to stderr")', { eval: true });
piped.on('exit', () => {
  const read = new Worker('console.log("line 1"); process.stdout.write("line 2\\n"); console.error("err line")',
                          { eval: true, stdout: true, stderr: true });
  let out = '';
  let err = '';
  read.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  read.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  read.stdout.on('end', () => console.log('read stdout:', JSON.stringify(out)));
  read.on('exit', (c) => {
    setImmediate(() => console.log('read stderr:', JSON.stringify(err), 'exit', c));
  });
});
