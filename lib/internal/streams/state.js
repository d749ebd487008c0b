'use strict';
// The default highWaterMark of streams, under the module name Node keeps it in
// (its tests take it from here); coil's streams keep it in internal/streams/utils.

const { getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark } = require('internal/streams/utils');

module.exports = { getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark };
