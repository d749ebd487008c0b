'use strict';
// What Node's internal/http holds that coil's http modules share: the key under
// which an OutgoingMessage keeps its fields ({ lowercased name: [name, value] }).

const { Symbol } = primordials;

const kOutHeaders = Symbol('kOutHeaders');

module.exports = { kOutHeaders };
