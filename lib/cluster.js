'use strict';
// cluster: processes sharing server ports. The primary forks workers (coil
// children with an IPC channel); a worker's server.listen() asks the primary how
// to share the port, by the scheduling policy:
//   SCHED_RR (node's default): the primary accepts and hands each connection to
//     the next worker over IPC;
//   SCHED_NONE: the primary makes the listening socket and passes it to every
//     worker, which all accept on it (the kernel picks who wins);
//   SCHED_REUSEPORT (coil's, not node's): each worker binds a socket of its own
//     with SO_REUSEPORT and the kernel balances connections among them.
// docs/cluster.md explains the three and when each wins.

module.exports = process.env.NODE_UNIQUE_ID === undefined ?
  require('internal/cluster/primary') : require('internal/cluster/child');
