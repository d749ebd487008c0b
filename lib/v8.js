'use strict';
// The public `v8` module. Serialization lives in internal/v8/serdes; the rest of
// node's v8 module (heap statistics and snapshots, coverage, flags) is not here yet.

const {
  Serializer, Deserializer, DefaultSerializer, DefaultDeserializer, serialize, deserialize,
} = require('internal/v8/serdes');

module.exports = {
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  serialize,
};
