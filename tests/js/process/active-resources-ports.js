// process._getActiveHandles() and getActiveResourcesInfo() list a user's MessagePort
// while it keeps the loop alive (a 'message' listener, referenced); a Worker is not listed.
const { Worker, MessageChannel } = require('worker_threads');
const w = new Worker('setTimeout(()=>{},200)', { eval: true });
const names = () => process._getActiveHandles().map((h) => h.constructor.name).filter((n) => n !== 'Socket');
console.log('worker', names());
w.on('online', () => {
  console.log('online', names());
  const { port1, port2 } = new MessageChannel();
  console.log('idle port', names());
  port1.on('message', () => {});
  console.log('listening port', names(), process.getActiveResourcesInfo().filter((n) => n === 'MessagePort'));
  port1.unref();
  console.log('unref port', names());
  port1.ref();
  port1.close();
  setTimeout(() => console.log('closed', names()), 10);
});
