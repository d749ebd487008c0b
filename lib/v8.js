'use strict';
// The public `v8` module: serialization (internal/v8/serdes), heap statistics and
// snapshots, flags at run time, promise hooks, and node's startup-snapshot API as
// a runtime that is not building a snapshot answers it. Coverage
// (takeCoverage/stopCoverage) acts only under NODE_V8_COVERAGE, which coil does
// not collect: both do nothing, as node's do without it.
// Binding: v8.{heapStatistics, heapSpaceStatistics, heapCodeStatistics,
// setFlagsFromString, cachedDataVersionTag, writeHeapSnapshot, heapSnapshot}.

const {
  Serializer, Deserializer, DefaultSerializer, DefaultDeserializer, serialize, deserialize,
} = require('internal/v8/serdes');
const { ObjectFreeze, StringPrototypePadStart } = primordials;
const binding = internalBinding('v8');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_NOT_BUILDING_SNAPSHOT } } = require('internal/errors');
const { validateObject, validateString, validateUint32 } = require('internal/validators');

const HEAP_KEYS = [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size', 'total_available_size',
  'used_heap_size', 'heap_size_limit', 'malloced_memory', 'peak_malloced_memory', 'does_zap_garbage',
  'number_of_native_contexts', 'number_of_detached_contexts', 'total_global_handles_size',
  'used_global_handles_size', 'external_memory',
];

function getHeapStatistics() {
  const values = binding.heapStatistics();
  const out = {};
  for (let i = 0; i < HEAP_KEYS.length; i++) out[HEAP_KEYS[i]] = values[i];
  return out;
}

function getHeapSpaceStatistics() {
  const spaces = binding.heapSpaceStatistics();
  const out = [];
  for (let i = 0; i < spaces.length; i++) {
    const s = spaces[i];
    out[i] = {
      space_name: s[0], space_size: s[1], space_used_size: s[2],
      space_available_size: s[3], physical_space_size: s[4],
    };
  }
  return out;
}

function getHeapCodeStatistics() {
  const v = binding.heapCodeStatistics();
  return {
    code_and_metadata_size: v[0], bytecode_and_metadata_size: v[1],
    external_script_source_size: v[2], cpu_profiler_metadata_size: v[3],
  };
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function validateSnapshotOptions(options) {
  if (options !== undefined) validateObject(options, 'options');
}

// node's default name: Heap.<date>.<time>.<pid>.<thread>.<sequence>.heapsnapshot
let snapshotSequence = 0;
function defaultSnapshotName() {
  const d = new Date();
  const two = (n) => StringPrototypePadStart(`${n}`, 2, '0');
  const date = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;
  const time = `${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  const seq = StringPrototypePadStart(`${++snapshotSequence}`, 3, '0');
  return `Heap.${date}.${time}.${process.pid}.0.${seq}.heapsnapshot`;
}

function writeHeapSnapshot(filename, options) {
  if (filename !== undefined) {
    filename = require('internal/fs/utils').getValidatedPath(filename, 'filename');
  }
  validateSnapshotOptions(options);
  const path = filename === undefined ? defaultSnapshotName() : `${filename}`;
  binding.writeHeapSnapshot(path);
  return path;
}

// A Readable of the snapshot's JSON (node streams it from the profiler as it is
// serialized; coil serializes it whole first).
function getHeapSnapshot(options) {
  validateSnapshotOptions(options);
  const { Readable } = require('stream');
  return Readable.from([binding.heapSnapshot()], { objectMode: false });
}

function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
  // Accepted and checked; coil writes no snapshot near the heap limit yet.
}

function takeCoverage() {}
function stopCoverage() {}

// ---- promiseHooks ----
function hookAdder(kind) {
  return function addPromiseHook(hook) {
    const { isAsyncFunction } = require('internal/util/types');
    if (typeof hook !== 'function' || isAsyncFunction(hook)) {
      throw new ERR_INVALID_ARG_TYPE(`${kind}Hook`, 'function', hook);
    }
    // V8 drops what a promise hook throws; node reports it as an uncaught
    // exception at once, and the promise machinery goes on.
    return require('internal/promise_hooks').addHook(kind, function userPromiseHook(promise, parent) {
      try {
        hook(promise, parent);
      } catch (err) {
        require('internal/process/execution').triggerUncaughtException(err, false);
      }
    });
  };
}
const onInit = hookAdder('init');
const onBefore = hookAdder('before');
const onAfter = hookAdder('after');
const onSettled = hookAdder('settled');

function createHook({ init, before, after, settled } = {}) {
  const stops = [];
  try {
    if (init !== undefined) stops[stops.length] = onInit(init);
    if (before !== undefined) stops[stops.length] = onBefore(before);
    if (after !== undefined) stops[stops.length] = onAfter(after);
    if (settled !== undefined) stops[stops.length] = onSettled(settled);
  } catch (err) {
    for (let i = 0; i < stops.length; i++) stops[i]();
    throw err;
  }
  return function stop() {
    for (let i = 0; i < stops.length; i++) stops[i]();
  };
}

const promiseHooks = ObjectFreeze({ createHook, onInit, onBefore, onAfter, onSettled });

// ---- startupSnapshot: coil never builds one, so only the query answers ----
function notBuilding() {
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}
const startupSnapshot = {
  addSerializeCallback: notBuilding,
  addDeserializeCallback: notBuilding,
  setDeserializeMainFunction: notBuilding,
  isBuildingSnapshot: () => 0, // node's answer, from its binding: 0, not false
};

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
};
