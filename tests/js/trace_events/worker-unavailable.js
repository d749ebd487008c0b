// A worker thread has no trace_events: requiring it there throws
// ERR_TRACE_EVENTS_UNAVAILABLE, while the main thread's module works.
const { Worker } = require('worker_threads');
new Worker("require('trace_events')", { eval: true })
  .on('error', (e) => console.log('worker', e.name, e.code, e.message))
  .on('exit', (code) => console.log('exit', code, typeof require('trace_events').createTracing));
