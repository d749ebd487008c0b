'use strict';
// dgram.Socket's socket options: broadcast, TTLs, multicast (memberships,
// interface, loopback) and the kernel's buffer sizes. Each throws node's
// ErrnoException (`setTTL EBADF`) when the system call fails.

const {
  codes: {
    ERR_MISSING_ARGS, ERR_SOCKET_BAD_BUFFER_SIZE, ERR_SOCKET_BUFFER_SIZE, ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const { validateNumber, validateString } = require('internal/validators');
const { errnoStreamError: errnoException } = require('internal/net');
const { kStateSymbol } = require('internal/dgram');

const RECV_BUFFER = true, SEND_BUFFER = false;

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function setBroadcast(arg) {
  const r = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (r) throw errnoException(r, 'setBroadcast');
}

function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const r = this[kStateSymbol].handle.setTTL(ttl);
  if (r) throw errnoException(r, 'setTTL');
  return ttl;
}

function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const r = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (r) throw errnoException(r, 'setMulticastTTL');
  return ttl;
}

function setMulticastLoopback(arg) {
  const r = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (r) throw errnoException(r, 'setMulticastLoopback');
  return arg;
}

function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const r = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (r) throw errnoException(r, 'setMulticastInterface');
}

function membership(socket, join, multicastAddress, interfaceAddress) {
  healthCheck(socket);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const handle = socket[kStateSymbol].handle;
  const r = join ? handle.addMembership(multicastAddress, interfaceAddress) :
    handle.dropMembership(multicastAddress, interfaceAddress);
  if (r) throw errnoException(r, join ? 'addMembership' : 'dropMembership');
}

function addMembership(multicastAddress, interfaceAddress) {
  membership(this, true, multicastAddress, interfaceAddress);
}

function dropMembership(multicastAddress, interfaceAddress) {
  membership(this, false, multicastAddress, interfaceAddress);
}

function sourceMembership(socket, join, sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(socket);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const handle = socket[kStateSymbol].handle;
  const r = join ?
    handle.addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) :
    handle.dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (r) {
    throw errnoException(r, join ? 'addSourceSpecificMembership' :
      'dropSourceSpecificMembership');
  }
}

function addSourceSpecificMembership(source, group, iface) {
  sourceMembership(this, true, source, group, iface);
}

function dropSourceSpecificMembership(source, group, iface) {
  sourceMembership(this, false, source, group, iface);
}

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const ret = self[kStateSymbol].handle.bufferSize(size, buffer, ctx);
  if (ret === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx);
  return ret;
}

function setRecvBufferSize(size) { bufferSize(this, size, RECV_BUFFER); }
function setSendBufferSize(size) { bufferSize(this, size, SEND_BUFFER); }
function getRecvBufferSize() { return bufferSize(this, 0, RECV_BUFFER); }
function getSendBufferSize() { return bufferSize(this, 0, SEND_BUFFER); }

// Puts the option methods on dgram.Socket.prototype.
function addSocketOptions(proto) {
  proto.setBroadcast = setBroadcast;
  proto.setTTL = setTTL;
  proto.setMulticastTTL = setMulticastTTL;
  proto.setMulticastLoopback = setMulticastLoopback;
  proto.setMulticastInterface = setMulticastInterface;
  proto.addMembership = addMembership;
  proto.dropMembership = dropMembership;
  proto.addSourceSpecificMembership = addSourceSpecificMembership;
  proto.dropSourceSpecificMembership = dropSourceSpecificMembership;
  proto.setRecvBufferSize = setRecvBufferSize;
  proto.setSendBufferSize = setSendBufferSize;
  proto.getRecvBufferSize = getRecvBufferSize;
  proto.getSendBufferSize = getSendBufferSize;
}

module.exports = { addSocketOptions, bufferSize, RECV_BUFFER, SEND_BUFFER };
