'use strict';
// The public worker_threads module (lib/internal/worker.js: Worker;
// lib/internal/worker/io.js: ports and messages; lib/internal/worker/self.js:
// this thread's side; lib/internal/worker/context_port.js: ports moved into vm
// contexts).

const self = require('internal/worker/self');
const io = require('internal/worker/io');
const { Worker, SHARE_ENV, getEnvironmentData, setEnvironmentData } = require('internal/worker');

module.exports = {
  isMainThread: self.isMainThread,
  MessagePort: io.MessagePort,
  MessageChannel: io.MessageChannel,
  BroadcastChannel: require('internal/worker/broadcast_channel').BroadcastChannel,
  markAsUntransferable: io.markAsUntransferable,
  receiveMessageOnPort: io.receiveMessageOnPort,
  resourceLimits: self.resourceLimits(),
  threadId: self.threadId,
  SHARE_ENV,
  Worker,
  parentPort: self.parentPort,
  workerData: self.workerData,
  setEnvironmentData,
  getEnvironmentData,
  moveMessagePortToContext(port, contextifiedSandbox) {
    return require('internal/worker/context_port').moveMessagePortToContext(port, contextifiedSandbox);
  },
};
