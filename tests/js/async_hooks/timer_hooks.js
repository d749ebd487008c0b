// createHook around timers: a refreshed timeout and an interval get before/after per run
// and one destroy each, when they are really done.
'use strict';
const ah = require('async_hooks');
const ev = [];
const types = new Map();
ah.createHook({ init(id, t) { if (t === 'Timeout' || t === 'Immediate') types.set(id, t); },
  before(id) { if (types.has(id)) ev.push('before ' + types.get(id)); },
  after(id) { if (types.has(id)) ev.push('after ' + types.get(id)); },
  destroy(id) { if (types.has(id)) ev.push('destroy ' + types.get(id)); } }).enable();
let n = 0;
const t = setTimeout(() => { if (++n < 2) t.refresh(); }, 1);
let k = 0;
const iv = setInterval(() => { if (++k === 2) clearInterval(iv); }, 1);
setTimeout(() => console.log(ev.sort().join('\n')), 50);
