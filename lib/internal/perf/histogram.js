'use strict';
// createHistogram() and monitorEventLoopDelay(): histograms with HDR-histogram value
// buckets (values above 2*10^figures share a bucket with their neighbours, as in node,
// so min/max/percentiles report the same bucket edges), kept in a Map of bucket -> count.
// The event-loop-delay one samples with an unref'd JS interval timer rather than a
// native timer: it records the time between the timer's callbacks in ns, which is
// `resolution` plus however late the loop ran it.

const {
  ArrayPrototypeSort, BigInt, MathCeil, MathFloor, MathLog2, MathMax, MathSqrt, NumberMAX_SAFE_INTEGER,
  Number, ObjectFromEntries, RangeError, SafeMap, Symbol, SymbolFor,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInteger, validateObject } = require('internal/validators');

const { hrtimeMs } = internalBinding('process_methods');
const customInspect = SymbolFor('nodejs.util.inspect.custom');
const kConstruct = Symbol('kConstruct');
const kRecord = Symbol('kRecord');
const kMerge = Symbol('kMerge');
const kState = Symbol('kState');

// INT64_MAX: what an empty histogram reports as its minimum.
const kEmptyMin = 9223372036854775807n;

class Histogram {
  #counts = new SafeMap(); // lowest value of a bucket -> count
  #count = 0;
  #exceeds = 0;
  #min = kEmptyMin;
  #max = 0;
  #highest;
  #unitMagnitude;
  #halfCountMagnitude;

  constructor(token, lowest = 1, highest = NumberMAX_SAFE_INTEGER, figures = 3) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#highest = highest;
    this.#unitMagnitude = MathFloor(MathLog2(lowest));
    this.#halfCountMagnitude = MathMax(MathCeil(MathLog2(2 * 10 ** figures)) - 1, 0);
  }

  // The width of v's bucket (a power of two): 2^unitMagnitude for the first
  // 2*2^halfCountMagnitude values, doubling at each power of two after them.
  #bucketSize(v) {
    const magnitude = MathMax(MathFloor(MathLog2(v)), this.#halfCountMagnitude + this.#unitMagnitude);
    return 2 ** (magnitude - this.#halfCountMagnitude);
  }

  #lowestEquivalent(v) {
    const size = this.#bucketSize(v);
    return MathFloor(v / size) * size;
  }

  #highestEquivalent(v) {
    return this.#lowestEquivalent(v) + this.#bucketSize(v) - 1;
  }

  #sortedBuckets() {
    return ArrayPrototypeSort([...this.#counts], (a, b) => a[0] - b[0]);
  }

  [kRecord](v) {
    if (v > this.#highest) {
      this.#exceeds++;
      return;
    }
    const bucket = this.#lowestEquivalent(v);
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#count++;
    if (this.#count === 1 || v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  [kMerge](other) {
    const { counts, count, exceeds, min, max } = other[kState]();
    for (const [bucket, n] of counts) this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + n);
    if (count !== 0) {
      if (this.#count === 0 || min < this.#min) this.#min = min;
      if (max > this.#max) this.#max = max;
    }
    this.#count += count;
    this.#exceeds += exceeds;
  }

  [kState]() {
    return { counts: [...this.#counts], count: this.#count, exceeds: this.#exceeds, min: this.#min, max: this.#max };
  }

  get count() { return this.#count; }
  get countBigInt() { return BigInt(this.#count); }
  get min() { return this.#count === 0 ? Number(kEmptyMin) : this.#lowestEquivalent(this.#min); }
  get minBigInt() { return this.#count === 0 ? kEmptyMin : BigInt(this.min); }
  get max() { return this.#count === 0 ? 0 : this.#highestEquivalent(this.#max); }
  get maxBigInt() { return BigInt(this.max); }
  get exceeds() { return this.#exceeds; }
  get exceedsBigInt() { return BigInt(this.#exceeds); }

  // Mean and deviation use each bucket's middle value, as HDR histograms do.
  get mean() {
    if (this.#count === 0) return NaN;
    let sum = 0;
    for (const [bucket, n] of this.#counts) sum += (bucket + MathFloor(this.#bucketSize(bucket) / 2)) * n;
    return sum / this.#count;
  }

  get stddev() {
    if (this.#count === 0) return NaN;
    const mean = this.mean;
    let sum = 0;
    for (const [bucket, n] of this.#counts) {
      const d = bucket + MathFloor(this.#bucketSize(bucket) / 2) - mean;
      sum += d * d * n;
    }
    return MathSqrt(sum / this.#count);
  }

  percentile(percentile) {
    if (typeof percentile !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', percentile);
    if (!(percentile > 0 && percentile <= 100)) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    if (this.#count === 0) return 0;
    const wanted = MathMax(MathFloor((percentile / 100) * this.#count + 0.5), 1);
    let seen = 0;
    const buckets = this.#sortedBuckets();
    for (let i = 0; i < buckets.length; i++) {
      seen += buckets[i][1];
      if (seen >= wanted) return this.#highestEquivalent(buckets[i][0]);
    }
    return this.max;
  }

  percentileBigInt(percentile) { return BigInt(this.percentile(percentile)); }

  // HDR's percentile iteration: report at 0, 50, 75, 87.5 ... (halving the distance to
  // 100 each time) while the values last, then 100 at the largest value; each
  // reported as its bucket's lowest value.
  get percentiles() {
    const map = new SafeMap();
    const buckets = this.#sortedBuckets();
    let target = 0;
    let seen = 0;
    for (let i = 0; i < buckets.length; i++) {
      seen += buckets[i][1];
      const reached = (100 * seen) / this.#count;
      while (seen < this.#count && target <= reached) {
        map.set(target, buckets[i][0]);
        target += 100 / (2 ** (MathFloor(MathLog2(100 / (100 - target))) + 1));
      }
      if (seen === this.#count) {
        if (target <= reached && target < 100) map.set(target, buckets[i][0]);
        map.set(100, buckets[i][0]);
      }
    }
    if (this.#count === 0) map.set(100, 0);
    return map;
  }

  get percentilesBigInt() {
    const map = new SafeMap();
    for (const [p, v] of this.percentiles) map.set(p, BigInt(v));
    return map;
  }

  reset() {
    this.#counts.clear();
    this.#count = 0;
    this.#exceeds = 0;
    this.#min = kEmptyMin;
    this.#max = 0;
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: ObjectFromEntries(this.percentiles),
    };
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return `[${this.constructor.name}]`;
    return `Histogram ${inspect({
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev,
      count: this.count, percentiles: this.percentiles,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function outOfRange() {
  const err = new RangeError('value is out of range');
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

class RecordableHistogram extends Histogram {
  #previous;

  record(val) {
    if (typeof val === 'bigint') {
      if (val < 1n || val > kEmptyMin) throw outOfRange();
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    this[kRecord](val);
  }

  // Records the ns since the previous call; the first call only starts the clock.
  recordDelta() {
    const now = MathFloor(hrtimeMs() * 1e6);
    if (this.#previous !== undefined) this[kRecord](MathMax(now - this.#previous, 1));
    this.#previous = now;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    this[kMerge](other);
  }
}

class ELDHistogram extends Histogram {
  #resolution;
  #timer;
  #previous = 0;

  constructor(token, resolution) {
    super(token);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== undefined) return false;
    this.#previous = hrtimeMs();
    this.#timer = require('timers').setInterval(() => {
      const now = hrtimeMs();
      this[kRecord](MathMax(MathFloor((now - this.#previous) * 1e6), 1));
      this.#previous = now;
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === undefined) return false;
    require('timers').clearInterval(this.#timer);
    this.#timer = undefined;
    return true;
  }
}

function toLimit(value, name, min) {
  if (typeof value === 'bigint') value = Number(value);
  validateInteger(value, name, min);
  return value;
}

function createHistogram(options = { __proto__: null }) {
  validateObject(options, 'options');
  const { lowest: low = 1, highest: high = NumberMAX_SAFE_INTEGER, figures = 3 } = options;
  const lowest = toLimit(low, 'options.lowest', 1);
  const highest = toLimit(high, 'options.highest', 2 * lowest);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kConstruct, lowest, highest, figures);
}

function monitorEventLoopDelay(options = { __proto__: null }) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kConstruct, resolution);
}

module.exports = { createHistogram, monitorEventLoopDelay, Histogram, RecordableHistogram };
