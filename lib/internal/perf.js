'use strict';
// The `performance` global (User Timing subset): now() and timeOrigin from the
// monotonic clock, mark/measure with their entry lists, toJSON, nodeTiming,
// eventLoopUtilization and timerify (entries to observers, histogram option).
// internalBinding: process_methods (hrtimeMs: the monotonic clock in ms); process.uptime
// gives the origin.

const {
  ArrayPrototypeFilter, ArrayPrototypePush, ArrayPrototypeSort, ArrayPrototypeSplice, DateNow,
  MathMax, MathRound, ObjectAssign, ObjectCreate, ObjectDefineProperty, PromisePrototypeFinally, ReflectApply, ReflectConstruct,
  SafeArrayIterator, SafeWeakMap, SymbolFor, SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE, ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { isPromise } = require('internal/util/types');
const { enqueue } = require('internal/perf/observe');

const customInspect = SymbolFor('nodejs.util.inspect.custom');

// process.uptime() counts from runtime start: take that instant as the origin, on the
// hrtime clock so now() is monotonic and sub-millisecond.
const { hrtimeMs } = internalBinding('process_methods');
const startMs = hrtimeMs();
const originOffsetMs = process.uptime() * 1e3;
const timeOrigin = DateNow() - originOffsetMs;

function now() {
  return hrtimeMs() - startMs + originOffsetMs;
}

// The loop's [idle ms, start on the hrtime clock in ms (0: not running yet)].
function loopMetrics() {
  return internalBinding('worker').loopMetrics();
}

// eventLoopUtilization over a loop's metrics (this thread's, or a worker's): the
// time it waited for work (idle) and the rest since it started (active).
function utilization(metrics, util1, util2) {
  if (metrics === undefined || metrics[1] === 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = metrics[0];
  const active = hrtimeMs() - metrics[1] - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

function inspectAs(name, fields) {
  const Stub = function() {};
  ObjectDefineProperty(Stub, 'name', { __proto__: null, value: name });
  return ObjectAssign(ObjectCreate(Stub.prototype), fields);
}

const entryData = new SafeWeakMap();

class PerformanceEntry {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  get name() { return entryData.get(this).name; }
  get entryType() { return entryData.get(this).entryType; }
  get startTime() { return entryData.get(this).startTime; }
  get duration() { return entryData.get(this).duration; }
  get detail() { return entryData.get(this).detail; }
  toJSON() {
    const { name, entryType, startTime, duration, detail } = entryData.get(this);
    return { name, entryType, startTime, duration, detail };
  }
  [customInspect](depth, options, inspect) {
    if (!entryData.has(this)) return this;
    return inspect(inspectAs(this.constructor.name, this.toJSON()), options);
  }
}

function makeEntry(Cls, fields) {
  const e = ObjectCreate(Cls.prototype);
  entryData.set(e, fields);
  return e;
}

class PerformanceMark extends PerformanceEntry {
  // Entries keep their fields in entryData, so this makes the object itself rather
  // than running PerformanceEntry's (illegal) constructor.
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    if (options !== undefined) validateObject(options, 'options');
    let startTime = options?.startTime;
    if (startTime === undefined) startTime = now();
    else if (typeof startTime !== 'number') throw new ERR_INVALID_ARG_TYPE('startTime', 'number', startTime);
    else if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    const mark = ObjectCreate(new.target.prototype);
    entryData.set(mark, {
      name: `${name}`, entryType: 'mark', startTime, duration: 0, detail: cloneDetail(options?.detail),
    });
    return mark;
  }
}
class PerformanceMeasure extends PerformanceEntry {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
// timerify's 'function' entries (node's name for entries that are not marks or measures).
class PerformanceNodeEntry extends PerformanceEntry {}
for (const [Cls, tag] of new SafeArrayIterator([[PerformanceEntry, 'PerformanceEntry'], [PerformanceMark, 'PerformanceMark'],
  [PerformanceMeasure, 'PerformanceMeasure']])) {
  ObjectDefineProperty(Cls.prototype, SymbolToStringTag, { __proto__: null, value: tag, configurable: true });
}

const marks = [];
const measures = [];

function cloneDetail(detail) {
  return detail === undefined || detail === null ? null : globalThis.structuredClone(detail);
}

function syntaxError(message) {
  return new (require('internal/dom_exception').DOMException)(message, 'SyntaxError');
}

// A mark name or a timestamp -> milliseconds since timeOrigin.
function resolveTime(value) {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (value < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(value);
    return value;
  }
  const name = `${value}`;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (entryData.get(marks[i]).name === name) return entryData.get(marks[i]).startTime;
  }
  // nodeTiming's milestones count as marks too.
  if (name === 'nodeStart' || name === 'v8Start' || name === 'environment' || name === 'loopStart' ||
      name === 'loopExit' || name === 'bootstrapComplete') {
    return performance.nodeTiming[name];
  }
  throw syntaxError(`The "${name}" performance mark has not been set`);
}

function byName(list, name, type) {
  return ArrayPrototypeFilter(list, (e) => {
    const d = entryData.get(e);
    return (name === undefined || d.name === name) && (type === undefined || d.entryType === type);
  });
}

function removeByName(list, name) {
  if (name !== undefined) name = `${name}`;
  for (let i = list.length - 1; i >= 0; i--) {
    if (name === undefined || entryData.get(list[i]).name === name) ArrayPrototypeSplice(list, i, 1);
  }
}

function sorted(list) {
  return ArrayPrototypeSort(list, (a, b) => entryData.get(a).startTime - entryData.get(b).startTime);
}

class Performance {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }

  clearMarks(name) { removeByName(marks, name); }
  clearMeasures(name) { removeByName(measures, name); }
  clearResourceTimings() {}
  getEntries() { return sorted([...marks, ...measures]); }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return sorted(byName([...marks, ...measures], `${name}`, type === undefined ? undefined : `${type}`));
  }
  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return sorted(byName([...marks, ...measures], undefined, `${type}`));
  }

  mark(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const mark = new PerformanceMark(name, options);
    ArrayPrototypePush(marks, mark);
    enqueue(mark);
    return mark;
  }

  measure(name, startOrOptions = undefined, endMark = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      const { start: s, end: e, duration, detail: d } = startOrOptions;
      if (s !== undefined || e !== undefined || duration !== undefined) {
        if (endMark !== undefined) throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
        if (s !== undefined && e !== undefined && duration !== undefined) {
          throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
            'Must not have options.start, options.end, and options.duration specified');
        }
      }
      start = resolveTime(s);
      end = resolveTime(e);
      if (duration !== undefined) {
        if (start !== undefined && end === undefined) end = start + duration;
        else if (end !== undefined && start === undefined) start = end - duration;
      }
      detail = cloneDetail(d);
    } else {
      start = resolveTime(startOrOptions);
    }
    if (endMark !== undefined) end = resolveTime(endMark);
    if (end === undefined) end = now();
    if (start === undefined) start = 0;
    const measure = makeEntry(PerformanceMeasure, {
      name: `${name}`, entryType: 'measure', startTime: start, duration: end - start, detail,
    });
    ArrayPrototypePush(measures, measure);
    enqueue(measure);
    return measure;
  }

  now() { return now(); }
  setResourceTimingBufferSize() {}
  get timeOrigin() { return timeOrigin; }

  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }

  eventLoopUtilization(util1, util2) {
    return utilization(loopMetrics(), util1, util2);
  }

  get nodeTiming() {
    const metrics = loopMetrics();
    return {
      name: 'node', entryType: 'node', startTime: 0, duration: now(),
      nodeStart: 0, v8Start: 0, environment: 0, bootstrapComplete: originOffsetMs,
      loopStart: metrics[1] === 0 ? -1 : metrics[1] - startMs + originOffsetMs, loopExit: -1,
      idleTime: metrics[0],
    };
  }

  timerify(fn, options = { __proto__: null }) {
    validateFunction(fn, 'fn');
    validateObject(options, 'options');
    const { histogram } = options;
    const { RecordableHistogram } = require('internal/perf/histogram');
    if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
    }
    const report = (startTime, args) => {
      const duration = now() - startTime;
      if (histogram !== undefined) histogram.record(MathMax(MathRound(duration * 1e6), 1));
      const entry = makeEntry(PerformanceNodeEntry, { name: fn.name, entryType: 'function', startTime, duration,
        detail: args });
      // The call's arguments are also the entry's indexed properties, as in node.
      for (let i = 0; i < args.length; i++) {
        ObjectDefineProperty(entry, i, { __proto__: null, value: args[i], enumerable: true });
      }
      enqueue(entry);
    };
    function timerified(...args) {
      const startTime = now();
      // Called with new: construct fn itself (new.target is fn, as if it had been called).
      const result = new.target ? ReflectConstruct(fn, args, fn) : ReflectApply(fn, this, args);
      // A promise's call lasts until it settles.
      if (!new.target && isPromise(result)) return PromisePrototypeFinally(result, () => report(startTime, args));
      report(startTime, args);
      return result;
    }
    ObjectDefineProperty(timerified, 'name', { __proto__: null, value: `timerified ${fn.name}`, configurable: true });
    ObjectDefineProperty(timerified, 'length', { __proto__: null, value: fn.length, configurable: true });
    return timerified;
  }

  [customInspect](depth, options, inspect) {
    return inspect(inspectAs('Performance', { nodeTiming: this.nodeTiming, timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization() }), options);
  }
}
ObjectDefineProperty(Performance.prototype, SymbolToStringTag, { __proto__: null, value: 'Performance', configurable: true });

const performance = ObjectCreate(Performance.prototype);

// The marks or measures already in the timeline, for an observer's `buffered` option.
function bufferedEntries(type) {
  if (type === 'mark') return [...marks];
  if (type === 'measure') return [...measures];
  return [];
}

module.exports = { bufferedEntries, performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, now, timeOrigin,
  utilization, makeEntry, PerformanceNodeEntry };
