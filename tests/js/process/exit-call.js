// exit: 5
// process.exit(code) runs 'exit' listeners, skips 'beforeExit' and pending work.
process.on('beforeExit', () => console.log('beforeExit must not run'));
process.on('exit', (code) => console.log('exit', code, process.exitCode));
setTimeout(() => console.log('never'), 10);
console.log('before');
process.exit(5);
console.log('not reached');
