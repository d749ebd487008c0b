'use strict';
// Whether this process is a cluster worker: set once by internal/cluster/child at
// start-up (NODE_UNIQUE_ID is gone from the environment by the time a server
// listens), read by net's listen.

module.exports = { worker: false };
