// args: --test-reporter=dot --test-reporter-destination=stderr
'use strict';
// mock.timers: setTimeout/setInterval/setImmediate and Date on a fake clock moved by
// tick, runAll and setTime; timers/promises too; everything put back by reset.
const { test } = require('node:test');
const timers = require('timers');
const timersPromises = require('timers/promises');

test('fake clock', async (t) => {
  const realSetTimeout = setTimeout;
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'setImmediate', 'Date'], now: 1000 });
  console.log(setTimeout === realSetTimeout, timers.setTimeout === setTimeout, Date.now(), new Date().getTime());
  const order = [];
  setTimeout(() => order.push('timeout 50'), 50);
  const id = setInterval(() => order.push(`interval at ${Date.now()}`), 20);
  setImmediate(() => order.push('immediate'));
  setTimeout((a, b) => order.push(`args ${a} ${b}`), 10, 'x', 'y');
  t.mock.timers.tick(45);
  clearInterval(id);
  t.mock.timers.tick(10);
  console.log(order);
  t.mock.timers.setTime(5000);
  console.log(Date.now());
  const p = timersPromises.setTimeout(100, 'value');
  t.mock.timers.runAll();
  console.log(await p, Date.now());
  for (const bad of [() => t.mock.timers.tick(-1), () => t.mock.timers.enable()]) {
    try { bad(); } catch (e) { console.log(e.code, e.message); }
  }
  t.mock.timers.reset();
  console.log(setTimeout === realSetTimeout, typeof Date.isMock);
  try { t.mock.timers.tick(1); } catch (e) { console.log(e.code, e.message); }
  try { t.mock.timers.enable({ apis: ['nope'] }); } catch (e) { console.log(e.code, e.message); }
});
