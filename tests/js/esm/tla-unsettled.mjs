// exit: 13
// A top-level await that can never settle: once nothing is left to run, the
// process ends with code 13 (node 20 prints no warning for it), and 'exit'
// listeners see that code.
process.on('exit', (code) => console.log('exit', code, process.exitCode));
console.log('waiting');
await new Promise(() => {});
console.log('never');
