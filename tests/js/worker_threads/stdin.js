// options.stdin: worker.stdin is a Writable whose bytes are the worker's
// process.stdin; ending it ends the worker's stdin. Without the option there is no
// worker.stdin and the worker's stdin is empty.
const { Worker } = require('worker_threads');

const echo = new Worker(`
  let n = 0;
  process.stdin.on('data', (d) => { n += d.length; process.stdout.write(d); });
  process.stdin.on('end', () => process.stdout.write('|' + n));
`, { eval: true, stdin: true, stdout: true });
let out = '';
echo.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
echo.on('exit', (code) => {
  console.log('echoed:', JSON.stringify(out), 'exit', code);
  const plain = new Worker(`
    let got = '';
    process.stdin.on('data', (d) => { got += d; });
    process.stdin.on('end', () => require('worker_threads').parentPort.postMessage(got));
  `, { eval: true });
  console.log('stdin without the option:', plain.stdin);
  plain.on('message', (m) => console.log('empty stdin read:', JSON.stringify(m)));
});
echo.stdin.write('hello ');
echo.stdin.write(Buffer.from('bytes '));
echo.stdin.end('end');
