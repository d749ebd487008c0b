'use strict';
// How messages look on an IPC channel, in node's two modes (the `serialization`
// option of spawn/fork; the child learns it from NODE_CHANNEL_SERIALIZATION_MODE):
//
//   json      one JSON text per message, each ended by '\n'.
//   advanced  each message a 4-byte big-endian payload length, then the payload as
//             v8.serialize writes it — except that every host object is preceded
//             by a uint32 kind: 0 for a typed array / DataView / Buffer (written as
//             v8's DefaultSerializer does), 1 for any other host object (sent as a
//             plain copy of its own properties). node writes the same bytes, so a
//             coil parent and a node child understand each other.
//
// Each mode gives `encode(message)` (a string or a Buffer to write) and
// `reader()`, a function that takes each chunk the channel receives and returns
// the messages it completed (a message that cannot be decoded is dropped).

const {
  ArrayBufferIsView, ArrayPrototypePush, JSONParse, JSONStringify, ObjectAssign,
  StringPrototypeIndexOf, StringPrototypeSlice, TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteOffset, TypedArrayPrototypeGetLength, TypedArrayPrototypeSet, Uint8Array,
} = primordials;

const { FastBuffer } = require('internal/buffer/fast_buffer');
const { DefaultSerializer, DefaultDeserializer, kHandle } = require('internal/v8/serdes');
const { dispose, writeRawBytes } = internalBinding('serdes');

const kViewKind = 0;
const kOtherHostObjectKind = 1;

const json = {
  __proto__: null,
  encoding: 'utf8',
  encode(message) {
    return `${JSONStringify(message)}\n`;
  },
  reader() {
    let pending = '';
    return function read(chunk) {
      const messages = [];
      pending += chunk;
      let nl;
      while ((nl = StringPrototypeIndexOf(pending, '\n')) !== -1) {
        const line = StringPrototypeSlice(pending, 0, nl);
        pending = StringPrototypeSlice(pending, nl + 1);
        try {
          ArrayPrototypePush(messages, JSONParse(line));
        } catch {
          // not a message of ours
        }
      }
      return messages;
    };
  },
};

class ChannelSerializer extends DefaultSerializer {
  _writeHostObject(object) {
    if (ArrayBufferIsView(object)) {
      this.writeUint32(kViewKind);
      return super._writeHostObject(object);
    }
    this.writeUint32(kOtherHostObjectKind);
    this.writeValue(ObjectAssign({}, object));
  }
}

class ChannelDeserializer extends DefaultDeserializer {
  _readHostObject() {
    const kind = this.readUint32();
    if (kind === kViewKind) return super._readHostObject();
    return this.readValue();
  }
}

const kLengthBytes = 4;

// The chunks as one buffer of `length` bytes.
function join(chunks, length) {
  const out = new FastBuffer(length);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) {
    TypedArrayPrototypeSet(out, chunks[i], at);
    at += TypedArrayPrototypeGetLength(chunks[i]);
  }
  return out;
}
const lengthPlaceholder = new Uint8Array(kLengthBytes);

const advanced = {
  __proto__: null,
  encoding: null,
  // The length goes in front of the payload in the same buffer: four bytes
  // written first and patched once the payload's size is known.
  encode(message) {
    const ser = new ChannelSerializer();
    const handle = ser[kHandle];
    try {
      writeRawBytes(handle, lengthPlaceholder);
      ser.writeHeader();
      ser.writeValue(message);
      const frame = ser.releaseBuffer();
      const length = TypedArrayPrototypeGetLength(frame) - kLengthBytes;
      frame[0] = length >>> 24;
      frame[1] = (length >>> 16) & 0xff;
      frame[2] = (length >>> 8) & 0xff;
      frame[3] = length & 0xff;
      return frame;
    } finally {
      dispose(handle);
    }
  },
  reader() {
    let chunks = [];
    let buffered = 0;
    let frameLength = -1; // header + payload of the message being gathered, once known
    return function read(chunk) {
      const messages = [];
      ArrayPrototypePush(chunks, chunk);
      buffered += TypedArrayPrototypeGetLength(chunk);
      for (;;) {
        if (frameLength === -1) {
          if (buffered < kLengthBytes) break;
          if (TypedArrayPrototypeGetLength(chunks[0]) < kLengthBytes) chunks = [join(chunks, buffered)];
          const b = chunks[0];
          frameLength = kLengthBytes + (b[0] * 0x1000000 + (b[1] << 16 | b[2] << 8 | b[3]));
        }
        if (buffered < frameLength) break;
        // One copy per message at most: the chunks are joined only when it is whole.
        const all = chunks.length === 1 ? chunks[0] : join(chunks, buffered);
        const memory = TypedArrayPrototypeGetBuffer(all);
        const start = TypedArrayPrototypeGetByteOffset(all);
        const payload = new FastBuffer(memory, start + kLengthBytes, frameLength - kLengthBytes);
        const restLength = buffered - frameLength;
        chunks = restLength > 0 ?
          [new FastBuffer(memory, start + frameLength, restLength)] : [];
        buffered = restLength;
        frameLength = -1;
        const des = new ChannelDeserializer(payload);
        try {
          des.readHeader();
          ArrayPrototypePush(messages, des.readValue());
        } catch {
          // not a message of ours
        } finally {
          dispose(des[kHandle]);
        }
      }
      return messages;
    };
  },
};

module.exports = { json, advanced };
