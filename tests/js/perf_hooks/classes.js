// perf_hooks' exported classes: PerformanceMark/Measure shapes and errors,
// performance.mark/measure, Performance and the GC constants.
const ph = require('perf_hooks');
const {
  performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceObserver, PerformanceObserverEntryList, PerformanceResourceTiming, constants,
} = ph;

console.log(Object.keys(ph).join());
console.log(performance instanceof Performance, globalThis.PerformanceMark === PerformanceMark,
  Object.keys(globalThis).includes('PerformanceMark'));
console.log(constants.NODE_PERFORMANCE_GC_MAJOR, constants.NODE_PERFORMANCE_GC_MINOR,
  constants.NODE_PERFORMANCE_GC_INCREMENTAL, constants.NODE_PERFORMANCE_GC_WEAKCB,
  constants.NODE_PERFORMANCE_GC_FLAGS_FORCED, constants.NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE);

function attempt(label, fn) {
  try {
    const v = fn();
    console.log(label, 'ok', v);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

for (const Cls of [Performance, PerformanceEntry, PerformanceMeasure, PerformanceObserverEntryList,
  PerformanceResourceTiming]) {
  attempt(Cls.name, () => new Cls());
}

const detail = { list: [1, 2] };
const mark = new PerformanceMark('m1', { startTime: 12.5, detail });
console.log(mark instanceof PerformanceEntry, mark.name, mark.entryType, mark.startTime, mark.duration);
console.log(mark.detail !== detail, JSON.stringify(mark.detail), mark.detail === mark.detail);
console.log(JSON.stringify(mark.toJSON()), Object.prototype.toString.call(mark));
console.log(typeof new PerformanceMark('m2').startTime, new PerformanceMark('m3').detail);
console.log(performance.getEntriesByName('m1').length);
attempt('mark()', () => new PerformanceMark());
attempt('mark(-1)', () => new PerformanceMark('a', { startTime: -1 }));
attempt('mark(str)', () => new PerformanceMark('a', { startTime: 'x' }));
attempt('mark(1)', () => new PerformanceMark('a', 1));

const a = performance.mark('a', { startTime: 5, detail: 'd' });
console.log(a instanceof PerformanceMark, performance.getEntriesByName('a')[0] === a, a.detail);
performance.mark('b', { startTime: 9 });
const show = (m) => `${m.constructor.name} ${m.name} ${m.startTime} ${m.duration} ${JSON.stringify(m.detail)}`;
console.log(show(performance.measure('a-b', 'a', 'b')));
console.log(show(performance.measure('opts', { start: 'a', end: 'b', detail: { k: 1 } })));
console.log(show(performance.measure('dur', { start: 2, duration: 3 })));
console.log(show(performance.measure('back', { end: 10, duration: 4 })));
console.log(show(performance.measure('num', { start: 1, end: 'b' })));
console.log(show(performance.measure('endMark', undefined, 'b')));
console.log(performance.getEntriesByType('measure').map((m) => m.name).join());
attempt('no mark', () => performance.measure('x', 'nomark'));
attempt('all three', () => performance.measure('x', { start: 0, end: 1, duration: 1 }));
attempt('endMark+opts', () => performance.measure('x', { start: 0 }, 'a'));
attempt('negative', () => performance.measure('x', { start: -1 }));
attempt('measure()', () => performance.measure());
performance.clearMarks();
performance.clearMeasures();
console.log(performance.getEntries().length);
performance.mark('c');
attempt('clear symbol', () => performance.clearMarks(Symbol('s')));
console.log(performance.measure('since start', 'nodeStart').startTime === performance.nodeTiming.nodeStart);
