// exit: 1
// A module whose top-level await rejects ends the process as an uncaught exception.
console.log('start');
await new Promise((resolve) => setTimeout(resolve, 5));
throw new Error('late failure');
