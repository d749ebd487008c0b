// exit: 3
// The process may end (process.exit, an uncaught error) while workers are still
// starting or running JS: it ends with its own code, no worker crashes it.
const { Worker } = require('worker_threads');

for (let i = 0; i < 3; i++) new Worker('setInterval(() => {}, 1); for (let j = 0; j < 1e6; j++);', { eval: true });
console.log('leaving with 3');
process.exit(3);
