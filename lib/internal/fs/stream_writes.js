'use strict';
// How fs.WriteStream's chunks reach its file: a chunk is one write op, a batch
// one writev (more only after short writes), and small chunks are gathered into
// one write of their copy (docs/fs.md, "Small writes"). streams.js keeps the
// stream classes; this is what their _write and _writev do.

const {
  ArrayPrototypeMap, ArrayPrototypeSlice, MathMax, MathMin, SafeWeakMap, TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
} = primordials;

const binding = internalBinding('fs');
const { enqueueMicrotask } = internalBinding('task_queue');
const { Buffer } = require('buffer');
const { codes: { ERR_STREAM_DESTROYED } } = require('internal/errors');
const { writeNop } = require('internal/streams/utils');
const { FsIo, kIo, kBusy, kIoDone, nativeWrite, asyncState } = require('internal/fs/stream_io');

// Linux refuses a writev of more than IOV_MAX (1024) buffers with EINVAL.
const kIovMax = 1024;
// _writev copies chunks into one buffer when they average under kCoalesceAvg bytes
// and add up to no more than kCoalesceMax (measured: bench/fs_streams.js writeSmall).
const kCoalesceAvg = 1024;
const kCoalesceMax = 256 * 1024;
// The smallest buffer a stream keeps for those copies (the default highWaterMark's).
const kCoalesceMin = 16 * 1024;
// Zero-byte writes in a row before a write is given up (a full device, a broken fs).
const kMaxZeroWrites = 5;

// stream -> its Gather (not a property: it would show in util.inspect of the stream).
const gathers = new SafeWeakMap();

// One stream's gathering: its buffer for copies of small chunks, how many of the
// chunks Writable hands over next were written already (`skip`), and, while a
// gathered write is in flight, what its completion needs. It is that write's
// request too (the binding calls its oncomplete), so a flush makes no closures
// and no request object.
class Gather {
  constructor(stream) {
    this.stream = stream;
    this.buf = undefined;
    this.skip = 0;
    // A small chunk waiting for the end of its tick, and its callback: `first`
    // and `cb` until flushNext runs (a microtask), then the write in flight:
    // buf[off, len), then cb (Writable's onwrite) after taking
    // buffered[from, end) (`bytes` in all) out of `state`.
    this.first = undefined;
    this.off = 0;
    this.len = 0;
    this.zeroWrites = 0;
    this.cb = null;
    this.state = null;
    this.buffered = null;
    this.from = 0;
    this.end = 0;
    this.bytes = 0;
    this.flushNext = () => {
      const { first, cb } = this;
      this.first = undefined;
      this.cb = null;
      try {
        flushGathered(this.stream, first, cb);
      } catch (err) {
        // As a throw from a tick would be (a replaced fs.write that throws).
        require('internal/process/execution').triggerUncaughtException(err, false);
      }
    };
  }

  send() {
    const stream = this.stream;
    stream[kBusy] = true;
    binding.writeBuffer(stream.fd, this.buf, this.off, this.len - this.off, stream.pos ?? -1, this);
  }

  // The op's completion: as writeLoop's, without its closures. The common end
  // is written out here, not in a helper: a small function called once per
  // flush is optimized by TurboFan after a few hundred flushes, on the main
  // thread, while the program runs (docs/fs.md).
  oncomplete(err, n) {
    const stream = this.stream;
    if (err) {
      this.failed(err);
      return;
    }
    stream[kBusy] = false;
    if (stream.destroyed) {
      this.failed(null);
      return;
    }
    stream.bytesWritten += n;
    if (stream.pos !== undefined) stream.pos += n;
    this.zeroWrites = n === 0 ? this.zeroWrites + 1 : 0;
    if (this.zeroWrites > kMaxZeroWrites) {
      this.finish(new Error('writeAll failed'));
    } else if ((this.off += n) < this.len) {
      this.send();
    } else {
      const { cb, state, buffered } = this;
      this.cb = null;
      this.state = null;
      this.buffered = null;
      takeWritten(state, this, buffered, this.from, this.end, this.bytes);
      cb(null);
    }
  }

  // A failed op (EAGAIN counts as a zero-byte write), or a stream destroyed
  // while the op ran: its callback fails first, then _destroy may close the fd.
  failed(err) {
    const stream = this.stream;
    if (err?.code === 'EAGAIN') {
      this.oncomplete(null, 0);
      return;
    }
    stream[kBusy] = false;
    if (stream.destroyed) {
      err ||= new ERR_STREAM_DESTROYED('write');
      this.finish(err);
      stream.emit(kIoDone, err);
      return;
    }
    this.finish(err);
  }

  finish(err) {
    const { cb, state, buffered } = this;
    this.cb = null;
    this.state = null;
    this.buffered = null;
    // Writable fails the buffered chunks itself.
    if (!err) takeWritten(state, this, buffered, this.from, this.end, this.bytes);
    cb(err);
  }
}

function gatherOf(stream) {
  let gather = gathers.get(stream);
  if (gather === undefined) {
    gather = new Gather(stream);
    gathers.set(stream, gather);
  }
  return gather;
}

// A closed stream keeps no copy buffer.
function dropGather(stream) {
  gathers.delete(stream);
}

// The stream's buffer for copies of small chunks, at least n bytes. It goes to
// the binding only, which is done with it at the op's completion, before the
// next copy: one buffer per stream serves them all (a fresh one per batch was a
// malloc, page faults and a backing store each).
function gatherBuffer(gather, n) {
  if (gather.buf === undefined || gather.buf.length < n) gather.buf = Buffer.allocUnsafeSlow(MathMax(n, kCoalesceMin));
  return gather.buf;
}

// Runs `step(cb)` until it reports no bytes left; `step` calls back (err, n) for each
// op. EAGAIN (a non-blocking fd) counts as a zero-byte write, retried a few times.
function writeLoop(stream, step, cb) {
  let zeroWrites = 0;
  stream[kBusy] = true;
  const again = () => step((err, n) => {
    if (err?.code === 'EAGAIN') {
      err = null;
      n = 0;
    }
    stream[kBusy] = false;
    if (stream.destroyed) {
      // The write's callback fails first; then _destroy may close the fd, and
      // that failure is what the stream reports, as Node's does.
      err ||= new ERR_STREAM_DESTROYED('write');
      cb(err);
      stream.emit(kIoDone, err);
      return;
    }
    if (err) {
      cb(err);
      return;
    }
    stream.bytesWritten += n;
    if (stream.pos !== undefined) stream.pos += n;
    zeroWrites = n === 0 ? zeroWrites + 1 : 0;
    if (zeroWrites > kMaxZeroWrites) {
      cb(new Error('writeAll failed'));
    } else if (step.advance(n)) {
      stream[kBusy] = true;
      again();
    } else {
      cb();
    }
  });
  again();
}

// Writes data[0, len).
function writeBytes(stream, data, len, cb) {
  let off = 0;
  const io = stream[kIo];
  const step = (done) => io.write(stream.fd, data, off, len - off, stream.pos, done);
  // Bytes still to write after n more were written?
  step.advance = (n) => (off += n) < len;
  writeLoop(stream, step, cb);
}

// WriteStream.prototype._write.
function writeOne(data, encoding, cb) {
  const gather = gathers.get(this);
  if (gather !== undefined && gather.skip > 0) {
    // Written already, with the chunk before it (flushGathered).
    gather.skip--;
    cb();
    return;
  }
  if (data.length < kCoalesceAvg && mayGather(this)) {
    // A small chunk waits for the end of this tick: the writes made meanwhile
    // (buffered by Writable, as this one is in flight) go with it in one op.
    // A microtask from the stream's Gather, or a tick when async_hooks are in
    // use (a tick carries the async context).
    this[kBusy] = true;
    if (asyncState.active) {
      process.nextTick(flushGathered, this, data, cb);
    } else {
      const g = gather ?? gatherOf(this);
      g.first = data;
      g.cb = cb;
      enqueueMicrotask(g.flushNext);
    }
    return;
  }
  writeBytes(this, data, data.length, cb);
}

// Only the stream's own methods over fs's own calls: a replaced _write, _writev,
// fs.write or fs.writev sees every chunk as Node would give it.
function mayGather(stream) {
  const io = stream[kIo];
  return stream._writev === writeMany && stream._write === writeOne && io instanceof FsIo && io.native;
}

// Writes `data`, and with it the small chunks Writable buffered behind it this
// tick, as one write. Only when nobody waits on any of them (no callbacks) and
// the stream is not corked: the callbacks, 'drain' and errors then come as for
// one write followed by one writev of the rest (takeWritten).
function flushGathered(stream, data, cb) {
  const state = stream._writableState;
  const { buffered, bufferedIndex } = state;
  if (bufferedIndex === buffered.length || state.writecb !== writeNop || !state.allNoop || state.corked ||
      state.objectMode || stream.destroyed || state.errored || buffered[bufferedIndex].chunk.length >= kCoalesceAvg) {
    writeBytes(stream, data, data.length, cb);
    return;
  }
  // One pass over the buffered chunks, copying as it goes: the buffer is made
  // large enough for everything that could be gathered (state.length counts
  // `data` and every buffered byte; at most kCoalesceMax are taken).
  const gather = gatherOf(stream);
  const one = gatherBuffer(gather, MathMin(state.length, kCoalesceMax));
  TypedArrayPrototypeSet(one, data, 0);
  let total = data.length;
  let end = bufferedIndex;
  while (end < buffered.length) {
    const b = buffered[end].chunk;
    const n = b.length;
    if (n >= kCoalesceAvg || total + n > kCoalesceMax) break;
    TypedArrayPrototypeSet(one, b, total);
    total += n;
    end++;
  }
  const bytes = total - data.length;
  if (asyncState.active || stream[kIo].fs.write !== nativeWrite) {
    // Through fs.write as it is now, and in the async context of the write
    // (StreamRequest): the closures' way.
    writeBytes(stream, one, total, (err) => {
      if (!err) takeWritten(state, gather, buffered, bufferedIndex, end, bytes);
      cb(err);
    });
    return;
  }
  gather.off = 0;
  gather.len = total;
  gather.zeroWrites = 0;
  gather.cb = cb;
  gather.state = state;
  gather.buffered = buffered;
  gather.from = bufferedIndex;
  gather.end = end;
  gather.bytes = bytes;
  gather.send();
}

// The chunks buffered[from, end) (`bytes` in all) were written with the chunk
// before them, whose op just completed: they leave Writable's buffer now, as
// they would when Writable handed them to _writev, and their (no-op) callbacks'
// count with them. So this op's completion is the batch's one completion: no
// second _writev round (onwrite, a tick, afterWrite) per flush. While the stream
// is corked they stay, as node's would: _write/_writev complete them at once
// once Writable hands them over (`skip`).
function takeWritten(state, gather, buffered, from, end, bytes) {
  if (state.buffered !== buffered || state.bufferedIndex !== from || buffered.length < end) return;
  if (state.corked) {
    gather.skip = end - from;
    return;
  }
  if (end === buffered.length) {
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  } else {
    state.bufferedIndex = end;
  }
  state.length -= bytes;
  state.pendingcb -= end - from;
}

// WriteStream.prototype._writev.
function writeMany(chunks, cb) {
  const gather = gathers.get(this);
  if (gather !== undefined && gather.skip > 0) {
    // The first `skip` were written already, with the chunk before them.
    const skip = gather.skip;
    gather.skip = 0;
    if (skip >= chunks.length) {
      cb();
      return;
    }
    chunks = ArrayPrototypeSlice(chunks, skip);
    if (chunks.length === 1) {
      writeBytes(this, chunks[0].chunk, chunks[0].chunk.length, cb);
      return;
    }
  }
  let bufs = ArrayPrototypeMap(chunks, (c) => c.chunk);
  const io = this[kIo];
  if (bufs.length > 1 && io instanceof FsIo && io.native) {
    let total = 0;
    for (let i = 0; i < bufs.length; i++) total += bufs[i].length;
    // Many small chunks: one copy into one buffer costs less than pinning each
    // chunk's memory for a writev (a backing-store reference and an iovec apiece).
    if (total <= kCoalesceMax && total < bufs.length * kCoalesceAvg) {
      const one = gatherBuffer(gatherOf(this), total);
      let off = 0;
      for (let i = 0; i < bufs.length; i++) {
        const b = bufs[i];
        TypedArrayPrototypeSet(one, b, off);
        off += b.length;
      }
      writeBytes(this, one, total, cb);
      return;
    }
  }
  const step = (done) =>
    io.writev(this.fd, bufs.length > kIovMax ? ArrayPrototypeSlice(bufs, 0, kIovMax) : bufs, this.pos, done);
  step.advance = (n) => {
    let i = 0;
    while (i < bufs.length && n >= bufs[i].length) n -= bufs[i++].length;
    bufs = ArrayPrototypeSlice(bufs, i);
    if (n > 0) bufs[0] = TypedArrayPrototypeSubarray(bufs[0], n);
    return bufs.length > 0;
  };
  writeLoop(this, step, cb);
}

module.exports = { writeOne, writeMany, dropGather };
