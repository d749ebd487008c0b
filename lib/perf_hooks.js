'use strict';
// perf_hooks: the performance object and its entry class.

const { performance, PerformanceEntry } = require('internal/perf');

module.exports = { performance, PerformanceEntry };
