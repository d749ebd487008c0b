// util.callbackify calls the result's own then(), as node does: a function that
// returns a thenable (not a Promise) is callbackified too, with its value or its
// reason (a falsy reason wrapped in ERR_FALSY_VALUE_REJECTION).
const util = require('util');

const resolves = util.callbackify(() => ({ then(onRes) { onRes('from a thenable'); } }));
const rejects = util.callbackify(() => ({ then(onRes, onRej) { onRej(0); } }));
const viaPromise = util.callbackify(async (a, b) => a + b);

resolves((err, value) => {
  console.log('thenable resolves:', err, value);
  rejects((err2) => {
    console.log('thenable rejects:', err2.code, err2.reason);
    viaPromise(2, 3, (err3, sum) => console.log('async function:', err3, sum, viaPromise.name, viaPromise.length));
  });
});
