// process.nextTick passes extra arguments; ticks queued by ticks run before promises.
process.nextTick((a, b, c) => console.log('args', a, b, c), 1, 'two', [3]);
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => process.nextTick(() => console.log('nested tick')));
queueMicrotask(() => console.log('microtask'));
try { process.nextTick(42); } catch (e) { console.log(e.code, e.message); }
try { queueMicrotask('x'); } catch (e) { console.log(e.code); }
