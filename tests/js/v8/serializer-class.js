// v8.Serializer / v8.Deserializer as a program uses them directly: raw writes and
// reads, a subclass writing its own host objects, a custom DataCloneError,
// transferred ArrayBuffers, and the errors node gives for misuse.
const v8 = require('v8');

// Raw values next to a structured one, read back in the same order.
const ser = new v8.Serializer();
ser.writeHeader();
ser.writeUint32(300);
ser.writeUint64(1, 2);
ser.writeDouble(-0.25);
ser.writeRawBytes(Buffer.from('raw!'));
ser.writeValue({ after: 'raw' });
const bytes = ser.releaseBuffer();
console.log('bytes:', bytes.toString('hex'));
console.log('released again:', ser.releaseBuffer().length);

const des = new v8.Deserializer(bytes);
console.log('header:', des.readHeader(), 'version:', des.getWireFormatVersion());
console.log('uint32:', des.readUint32());
console.log('uint64:', des.readUint64());
console.log('double:', des.readDouble());
const raw = des.readRawBytes(4);
console.log('raw:', raw.toString(), 'shares the input:', raw.buffer === bytes.buffer);
console.log('value:', des.readValue());
console.log('buffer property:', des.buffer === bytes);
try {
  des.readDouble();
} catch (e) {
  console.log('past the end:', e.message);
}

// A subclass writes typed arrays its own way (a tag and the bytes as text).
class TagSerializer extends v8.Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }
  _writeHostObject(view) {
    const text = Buffer.from(Array.from(view).join(','));
    this.writeUint32(text.length);
    this.writeRawBytes(text);
  }
}
class TagDeserializer extends v8.Deserializer {
  _readHostObject() {
    const n = this.readUint32();
    return { numbers: this.readRawBytes(n).toString() };
  }
}
const ts = new TagSerializer();
ts.writeHeader();
ts.writeValue({ list: new Uint8Array([7, 8, 9]) });
const td = new TagDeserializer(ts.releaseBuffer());
td.readHeader();
console.log('host object:', JSON.stringify(td.readValue()));

// Without a _readHostObject, a host object cannot be read.
const plain = new v8.Deserializer(new v8.DefaultSerializer().releaseBuffer());
try {
  const d = new v8.Deserializer(v8.serialize(new Uint8Array(1)));
  d.readHeader();
  d.readValue();
} catch (e) {
  console.log('no _readHostObject:', e.constructor.name, e.message);
}
console.log('empty input header:', (() => {
  try { return plain.readHeader(); } catch (e) { return e.message; }
})());
const bad = new v8.DefaultDeserializer(v8.serialize(new Uint8Array(1)));
bad._readHostObject = () => 5;
bad.readHeader();
try {
  bad.readValue();
} catch (e) {
  console.log('non-object host:', e.constructor.name, e.message);
}

// _getDataCloneError makes the error thrown for what cannot be cloned.
const custom = new v8.Serializer();
custom._getDataCloneError = (message) => new TypeError(`custom: ${message}`);
custom.writeHeader();
try {
  custom.writeValue({ fn() {} });
} catch (e) {
  console.log('clone error:', e.constructor.name, e.message);
}
const throwing = new v8.DefaultSerializer();
throwing._writeHostObject = () => { throw new Error('from _writeHostObject'); };
try {
  throwing.writeValue(new Uint8Array(2));
} catch (e) {
  console.log('thrown through:', e.message);
}

// A transferred ArrayBuffer travels by id, not by its bytes.
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 42;
const ts2 = new v8.Serializer();
ts2.writeHeader();
ts2.transferArrayBuffer(3, ab);
ts2.writeValue({ ab });
const tb = ts2.releaseBuffer();
console.log('transfer bytes:', tb.toString('hex'));
const td2 = new v8.Deserializer(tb);
const ab2 = new ArrayBuffer(8);
new Uint8Array(ab2)[0] = 99;
td2.transferArrayBuffer(3, ab2);
td2.readHeader();
const got = td2.readValue();
console.log('transferred:', got.ab === ab2, new Uint8Array(got.ab)[0]);

// Misuse.
const attempts = {
  'Serializer()': () => v8.Serializer(),
  'Deserializer()': () => v8.Deserializer(Buffer.alloc(0)),
  'new Deserializer(str)': () => new v8.Deserializer('nope'),
  'writeRawBytes(str)': () => new v8.Serializer().writeRawBytes('nope'),
  'writeHeader on {}': () => v8.Serializer.prototype.writeHeader.call({}),
  'readValue on {}': () => v8.Deserializer.prototype.readValue.call({}),
  'transferArrayBuffer({})': () => new v8.Serializer().transferArrayBuffer(1, {}),
  'des.transferArrayBuffer({})': () => new v8.Deserializer(Buffer.alloc(1)).transferArrayBuffer(1, {}),
};
for (const [name, fn] of Object.entries(attempts)) {
  try {
    fn();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(`${name}:`, e.name, e.code, e.message);
  }
}
console.log('prototype:', Object.keys(v8.Serializer.prototype).join(' '));
console.log('prototype:', Object.keys(v8.Deserializer.prototype).join(' '));
