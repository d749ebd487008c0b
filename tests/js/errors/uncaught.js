// exit: 1
// An uncaught exception prints where it was thrown (file:line, the source line,
// a caret) and the stack, runs 'exit' with code 1, and exits 1.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never'), 10);
function explode() {
  throw new Error('boom');
}
explode();
