// The smallest coil program: a timer, a promise, and output.
const start = Date.now();
setTimeout(() => {
  console.log(`hello from coil ${process.version} (V8 ${process.versions.v8}) after ${Date.now() - start} ms`);
}, 10);
Promise.resolve().then(() => console.log('a promise ran first'));
