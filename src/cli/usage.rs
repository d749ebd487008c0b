//! `coil --help`'s text, kept apart from the parser (src/cli.rs).

pub const USAGE: &str = "Usage: coil [options] [ script.js | -e \"script\" | - ] [arguments]

Options:
  -e, --eval SCRIPT           evaluate SCRIPT
  -p, --print SCRIPT          evaluate SCRIPT and print the result
  -c, --check                 check the script's syntax without running it
  -r, --require MODULE        preload MODULE (may be repeated)
  --import=MODULE             import the ES module MODULE first (may be repeated)
  -C, --conditions NAME       an extra condition for package.json \"exports\"
  -                           read the script from stdin
  --env-file=FILE             set environment variables from FILE first
  --title=TITLE               set process.title
  --input-type=commonjs       how -e and stdin code is read (or =module)
  --unhandled-rejections=MODE strict, warn, none, throw or warn-with-error-code
  --no-warnings               do not print process warnings
  --trace-warnings            print a stack trace with each warning
  --no-deprecation, --throw-deprecation, --trace-deprecation
  --enable-source-maps        map stack traces through //# sourceMappingURL=
  --dns-result-order=ORDER    dns.lookup's default order: verbatim, ipv4first, ipv6first
  --insecure-http-parser      http parsers accept invalid header characters,
                              folded fields and Content-Length with chunked
  --max-http-header-size=N    HTTP parsers' head size limit (default 16384)
  --no-network-family-autoselection
                              net.connect's autoSelectFamily defaults to false
  --network-family-autoselection-attempt-timeout=MS
                              its per-address attempt timeout (default 250)
  --expose-internals          let require('internal/...') load coil's internal
                              modules (for Node's own tests; not in NODE_OPTIONS)
  --test [PATHS...]           run the test files given (or found: test.js, *.test.js,
                              *-test.js, *_test.js, test-*.js, test/**), each in its
                              own process, and report with node:test's reporters
  --test-reporter=NAME        spec, tap, dot or a reporter module (repeatable)
  --test-reporter-destination=stdout|stderr|FILE
  --test-name-pattern=RE      run only the tests whose name matches (repeatable)
  --test-only                 run only the tests marked `only`
  --test-concurrency=N        test files run at once (default: CPUs - 1)
  --test-timeout=MS           a test file still running after MS fails
  --pending-deprecation, --trace-uncaught, --preserve-symlinks,
  --preserve-symlinks-main    accepted as node does; no effect yet
  -v, --version               print coil's version
  -h, --help                  print this help
  --stats                     print the backend's counters at exit (syscalls by kind,
                              loop turns, SQEs per enter, pool jobs; syscalls per
                              request when an http server served requests)
  --trace-uring               print each submission, completion and io_uring_enter
  --trace-epoll               print each epoll_wait, readiness event, syscall and epoll_ctl
  --backend=uring|epoll       the event loop's driver (default: $COIL_BACKEND, else
                              uring; epoll when io_uring cannot be set up)
  --expose-gc, --max-old-space-size=MB, --stack-size=KB, --trace-gc, ...
                              V8 options, passed to V8 as node does

Environment: NODE_OPTIONS (options, as node reads it)
";
