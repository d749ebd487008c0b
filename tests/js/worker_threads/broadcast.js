// BroadcastChannel across three workers: each worker's message reaches the main
// thread and the other workers but not itself; close() then postMessage throws
// InvalidStateError; the global is the worker_threads class.
const { Worker, BroadcastChannel: BC } = require('worker_threads');
console.log(BC === BroadcastChannel);

const main = new BroadcastChannel('room');
const heard = [];
let exited = 0;
const results = [];
const workers = [];
let joined = 0;
main.onmessage = (e) => {
  heard.push(e.data);
  if (heard.length === 3) console.log('main heard', heard.sort());
};
for (let i = 0; i < 3; i++) {
  const w = new Worker(`
    const { workerData, parentPort } = require('worker_threads');
    const bc = new BroadcastChannel('room');
    parentPort.postMessage('joined');
    const got = [];
    let posted = false;
    const maybeDone = () => {
      if (posted && got.length === 2) {
        parentPort.postMessage(got.sort());
        bc.close();
      }
    };
    bc.onmessage = (e) => {
      got.push(e.data);
      maybeDone();
    };
    parentPort.once('message', () => {
      bc.postMessage('from ' + workerData);
      posted = true;
      maybeDone();
    });
  `, { eval: true, workerData: i });
  workers.push(w);
  w.on('message', (m) => {
    // Everyone is in the room before anyone speaks.
    if (m === 'joined') {
      if (++joined === 3) workers.forEach((x) => x.postMessage('go'));
    } else {
      results[i] = m;
    }
  });
  w.on('exit', () => {
    if (++exited === 3) {
      results.forEach((r, j) => console.log('worker', j, 'heard', r));
      main.close();
      try {
        main.postMessage('x');
      } catch (e) {
        console.log(e.name, e.message);
      }
    }
  });
}
