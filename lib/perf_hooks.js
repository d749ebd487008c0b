'use strict';
// perf_hooks: the performance object, its entry and observer classes, the histograms
// and the GC constants, with node's export names and order.

const { ObjectDefineProperty, SymbolToStringTag } = primordials;

const {
  Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, performance,
} = require('internal/perf');
const { PerformanceObserver, PerformanceObserverEntryList } = require('internal/perf/observe');
const { createHistogram, monitorEventLoopDelay } = require('internal/perf/histogram');
const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');

// coil makes no resource-timing entries (no fetch timeline yet): the class exists for
// instanceof checks and feature tests.
class PerformanceResourceTiming extends PerformanceEntry {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
ObjectDefineProperty(PerformanceResourceTiming.prototype, SymbolToStringTag,
  { __proto__: null, value: 'PerformanceResourceTiming', configurable: true });

// GC kinds and flags as node numbers them (the values of V8's GCType/GCCallbackFlags).
const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
};
