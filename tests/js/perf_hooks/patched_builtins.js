// perf_hooks' own code keeps working when user code patches built-ins it would use.
const { performance, PerformanceObserver, createHistogram } = require('perf_hooks');
console.log('start'); // makes stdout before the patches (node builds it lazily)
const boom = () => { throw new Error('patched'); };
Array.prototype.push = boom; Array.prototype.filter = boom; Array.prototype.sort = boom; Array.prototype.includes = boom;
Function.prototype.call = boom; Function.prototype.apply = boom; String.prototype.slice = boom;
Map.prototype.get = boom; Map.prototype.set = boom; Set.prototype.add = boom; Set.prototype.has = boom;
Promise.prototype.then = boom;
const obs = new PerformanceObserver((list, o) => { console.log(list.getEntriesByType('mark').length, list.getEntriesByName('m').length); o.disconnect(); });
obs.observe({ entryTypes: ['mark', 'measure', 'function'] });
performance.mark('m'); performance.measure('x', 'm');
performance.timerify(function f() {})();
const h = createHistogram(); h.record(3); h.record(9); console.log(h.percentile(50), h.percentiles.size, h.mean);
