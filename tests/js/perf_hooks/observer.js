// PerformanceObserver: observe() forms and errors, asynchronous delivery with an entry
// list, buffered, takeRecords and disconnect.
const { performance, PerformanceObserver, PerformanceObserverEntryList } = require('perf_hooks');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

console.log(PerformanceObserver.supportedEntryTypes.join());
attempt('no callback', () => new PerformanceObserver());
const bad = new PerformanceObserver(() => {});
attempt('observe()', () => bad.observe());
attempt('observe({})', () => bad.observe({}));
attempt('observe(1)', () => bad.observe(1));
attempt('both', () => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' }));
attempt('not array', () => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' }));
const single = new PerformanceObserver(() => {});
single.observe({ type: 'mark' });
attempt('to multiple', () => single.observe({ entryTypes: ['mark'] }));
single.disconnect();
attempt('unknown type', () => new PerformanceObserver(() => {}).observe({ type: 'bogus' }));
console.log(Object.prototype.toString.call(single), single.takeRecords().length);

performance.mark('early', { startTime: 1 });
const order = [];
const obs = new PerformanceObserver((list, observer) => {
  order.push('observer');
  console.log(list instanceof PerformanceObserverEntryList, observer === obs);
  console.log('entries', list.getEntries().map((e) => `${e.entryType}:${e.name}`).join());
  console.log('byType', list.getEntriesByType('measure').map((e) => e.name).join());
  console.log('byName', list.getEntriesByName('m2').length, list.getEntriesByName('m2', 'measure').length);
  console.log(order.join());
  observer.disconnect();
  performance.mark('after-disconnect');
  setTimeout(() => console.log('done'), 5);
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('m1', { startTime: 2 });
performance.mark('m2', { startTime: 3 });
performance.measure('m2', 'm1', 'm2');
order.push('sync');
Promise.resolve().then(() => order.push('microtask'));
process.nextTick(() => order.push('tick'));

const buffered = new PerformanceObserver((list) => {
  console.log('buffered', list.getEntries().map((e) => e.name).join());
  buffered.disconnect();
});
buffered.observe({ type: 'mark', buffered: true });

const taker = new PerformanceObserver(() => console.log('taker called'));
taker.observe({ type: 'measure' });
performance.measure('taken', { start: 0, end: 1 });
console.log('took', taker.takeRecords().map((e) => e.name).join(), taker.takeRecords().length);
taker.disconnect();
