// process.setUncaughtExceptionCaptureCallback: an uncaught exception goes to the
// callback instead of 'uncaughtException' ('uncaughtExceptionMonitor' still sees
// it); setting a second one throws; null removes it.
process.on('uncaughtExceptionMonitor', (err) => console.log('monitor saw', err.message));
process.on('uncaughtException', (err) => console.log('uncaughtException got', err.message));
console.log('has before:', process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback((err) => {
  console.log('capture got', err.message);
  process.setUncaughtExceptionCaptureCallback(null);
  setTimeout(() => { throw new Error('second'); }, 1);
});
console.log('has after:', process.hasUncaughtExceptionCaptureCallback());
try {
  process.setUncaughtExceptionCaptureCallback(() => {});
} catch (e) {
  console.log(e.code);
}
try {
  process.setUncaughtExceptionCaptureCallback(42);
} catch (e) {
  console.log(e.code, e.message);
}
setTimeout(() => { throw new Error('first'); }, 1);
