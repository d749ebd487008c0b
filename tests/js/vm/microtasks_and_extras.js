// microtaskMode 'afterEvaluate' runs a context's promise jobs before the run
// returns (so a timeout covers them); sourceMapURL comes from the magic comment;
// measureMemory answers with Node's result shape.
'use strict';
const vm = require('vm');

const log = [];
const own = vm.createContext({ log }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log.push("own queue"))', own);
log.push('after own run');
const shared = vm.createContext({ log });
vm.runInContext('Promise.resolve().then(() => log.push("shared queue"))', shared);
log.push('after shared run');

try {
  vm.runInNewContext('Promise.resolve().then(() => { for (;;) {} }); "done"', {},
                     { timeout: 20, microtaskMode: 'afterEvaluate' });
} catch (e) {
  log.push(e.code);
}

console.log(new vm.Script('1\n//# sourceMappingURL=app.js.map').sourceMapURL,
            new vm.Script('2').sourceMapURL);

process.on('warning', (w) => log.push(`${w.name}: ${w.message}`));
const keep = [vm.createContext(), vm.createContext()];
vm.measureMemory({ mode: 'detailed', execution: 'eager' }).then((r) => {
  console.log(typeof r.total.jsMemoryEstimate, r.total.jsMemoryRange.length,
              typeof r.current.jsMemoryEstimate, r.other.length >= keep.length);
});
vm.measureMemory().then((r) => console.log(Object.keys(r)));
try {
  vm.measureMemory({ mode: 'everything' });
} catch (e) {
  console.log(e.code);
}
setTimeout(() => console.log(log), 10);
