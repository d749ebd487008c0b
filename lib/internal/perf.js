'use strict';
// performance: now() in milliseconds since the process's time origin, timeOrigin
// (ms since the epoch), mark/measure with their entries, toJSON.
// Bindings: process_methods.hrtimeBigInt.

const { hrtimeBigInt } = internalBinding('process_methods');

const originNs = hrtimeBigInt();
const timeOrigin = Date.now();
const entries = [];

function now() {
  return Number(hrtimeBigInt() - originNs) / 1e6;
}

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    this.detail = detail ?? null;
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
}

function startOf(markOrTime, fallback) {
  if (markOrTime === undefined) return fallback;
  if (typeof markOrTime === 'number') return markOrTime;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === markOrTime) return entries[i].startTime;
  }
  const { DOMException } = require('internal/dom_exception');
  throw new DOMException(`The "${markOrTime}" performance mark has not been set`, 'SyntaxError');
}

const performance = {
  now,
  timeOrigin,
  mark(name, options = {}) {
    const entry = new PerformanceEntry(String(name), 'mark', options.startTime ?? now(), 0, options.detail);
    entries.push(entry);
    return entry;
  },
  measure(name, startOrOptions, endMark) {
    let start, end, detail;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = startOf(startOrOptions.start, 0);
      end = startOrOptions.end !== undefined ? startOf(startOrOptions.end, now())
        : startOrOptions.duration !== undefined ? start + startOrOptions.duration : now();
      detail = startOrOptions.detail;
    } else {
      start = startOf(startOrOptions, 0);
      end = startOf(endMark, now());
    }
    const entry = new PerformanceEntry(String(name), 'measure', start, end - start, detail);
    entries.push(entry);
    return entry;
  },
  getEntries() { return entries.slice(); },
  getEntriesByName(name, type) { return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)); },
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); },
  clearMarks(name) { remove('mark', name); },
  clearMeasures(name) { remove('measure', name); },
  toJSON() { return { timeOrigin, nodeTiming: {}, eventLoopUtilization: {} }; },
};

function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

module.exports = { performance, PerformanceEntry };
