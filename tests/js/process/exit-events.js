// exit: 3
// 'beforeExit' may schedule more work (and is emitted again after it); 'exit'
// runs once with the final code; process.exitCode sets it.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('more work', rounds), 1);
});
process.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('never runs'), 0);
});
process.exitCode = 3;
