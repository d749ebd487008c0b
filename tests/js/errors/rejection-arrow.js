// exit: 1
// An unhandled rejection with an Error prints, like an uncaught exception, the
// line where the error was made with a caret under it, then its stack.
async function load() {
  await null;
  throw new TypeError('bad config');
}
load();
