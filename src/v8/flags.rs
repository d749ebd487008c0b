// The V8 flags coil always starts V8 with. Shared with build.rs, which compiles the
// built-ins' code cache under the same flags: V8 rejects a cache made under others.

/// A 32 MiB young-generation semi-space (V8 10.2 starts smaller): allocation-heavy
/// code such as long promise chains scavenges far less. A user's flag still wins.
pub const DEFAULT_V8_FLAGS: &[&str] = &["--max-semi-space-size=32"];
