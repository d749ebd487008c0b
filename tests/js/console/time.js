// console.time/timeLog/timeEnd print `label: <n>ms` (format checked, not the value).
'use strict';
const { Console } = require('console');
const EventEmitter = require('events');
const chunks = [];
const stream = Object.assign(new EventEmitter(), { write(s) { chunks.push(s); return true; } });
const c = new Console(stream);
c.time();
c.timeLog(undefined, 'extra', { a: 1 });
c.timeEnd();
c.time('lbl');
c.timeEnd('lbl');
c.time(42);
c.timeEnd(42);
for (const line of chunks) console.log(line.replace(/\d+(\.\d+)?ms/, 'Nms'));
