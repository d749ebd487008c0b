// bench/matrix's HTTP hello: bench/http/hello.js, plus an exit on SIGTERM so that a
// coil started with --stats prints its counters (syscalls per request) when the
// harness stops it. `hello.js PORT`, the same file for every runtime.
process.on('SIGTERM', () => process.exit(0));
require('../http/hello.js');
