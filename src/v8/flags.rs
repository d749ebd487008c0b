// The V8 flags coil always starts V8 with. Shared with build.rs, which compiles the
// built-ins' code cache under the same flags: V8 rejects a cache made under others.

/// A 32 MiB young-generation semi-space at most (node's is 16). V8 rounds the cap
/// up to a power of two, so the 24 coil asked for until session 10 was 32 too.
/// Allocation-heavy code where much of the young generation survives copies
/// less: session 10, quiet machine, against a 16 MiB cap: 10,000 fs.promises.stat
/// at once 50 against 79 ms, a 1M-promise chain 0.59x node's time at 16. The cost
/// would be RSS where a server churns connections: V8 grows the young generation
/// once as much has survived scavenges since the last growth as it holds, which
/// any busy server reaches; an http hello with `Connection: close` peaked at 111 MB
/// against node's 93 (84 with a 16 MiB cap). So past 16 MiB it grows only while
/// much of each scavenge survives (src/runtime/young_gen.rs). A user's flag still
/// wins.
///
/// The semi-space grows by V8's default factor, 2, as node's does. A factor of 4
/// took the promise chain from 0.95x to 1.01x node's time, but made a busy
/// server's first growth step 1 to 4 MiB instead of 2, and a 64-byte echo's peak
/// RSS from 49 to 54 MB (node 51) (docs/net.md, "Where the memory goes").
///
/// `--harmony-rab-gsab`: resizable ArrayBuffers and growable SharedArrayBuffers, which
/// Node 20 ships and V8 10.2 has behind this flag.
///
/// `--harmony-import-attributes` and `--harmony-import-assertions`: import
/// attributes in both forms Node 20 accepts, `with { type: 'json' }` and the older
/// `assert { type: 'json' }`, static and in import(); this libnode's V8 parses each
/// only behind its flag.
/// `--turbo-fast-api-calls`: optimized code calls a native function's C fast path
/// directly where coil offers one (src/v8/fast_api.cc); off by default in V8 10.2.
///
/// `--no-concurrent-recompilation`: TurboFan compiles on the main thread. V8 10.2's
/// concurrent TurboFan cannot inline a getter that lives on a prototype: every
/// `buf.length` (%TypedArray%.prototype's getter) in optimized code became a generic
/// LoadIC call that runs the getter (22% of a Readable's profile), where the same
/// function compiled on the main thread loads the length field directly. Node 20's
/// V8 11.3 has no such gap. Measured, CPU time, pinned: a flowing Readable 151 -> 85
/// ns per chunk (node 79), Readable -> Transform -> Writable 0.48x -> 0.71x node,
/// StringDecoder 1.11x -> 1.74x; nothing measured slower. The cost is that the main
/// thread waits while a hot function is compiled (milliseconds, a few times early
/// in a process's life) instead of running on in the interpreter meanwhile.
pub const DEFAULT_V8_FLAGS: &[&str] = &[
    "--max-semi-space-size=32",
    "--harmony-rab-gsab",
    "--harmony-import-attributes",
    "--harmony-import-assertions",
    "--turbo-fast-api-calls",
    "--no-concurrent-recompilation",
];
