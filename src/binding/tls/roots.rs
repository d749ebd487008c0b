//! The roots a context trusts when it was given no `ca` of its own: the system's
//! store (/etc/ssl/certs, looked up lazily) and the certificates of the file named
//! by NODE_EXTRA_CA_CERTS, read once per process. As in node, a file that cannot be
//! read is reported once at start-up and otherwise ignored, and a context with a
//! `ca` option trusts neither.
use std::sync::OnceLock;

use openssl::ssl::SslContextBuilder;
use openssl::x509::X509;

/// Where the system keeps its trusted roots, one hashed file per CA (looked up
/// lazily, so a context that trusts them costs nothing until it verifies).
const SYSTEM_CA_DIR: &str = "/etc/ssl/certs";

fn extra_file() -> Option<String> {
    std::env::var("NODE_EXTRA_CA_CERTS")
        .ok()
        .filter(|f| !f.is_empty())
}

/// NODE_EXTRA_CA_CERTS's certificates (none when unset, unreadable or not PEM).
fn extra_certs() -> &'static [X509] {
    static EXTRA: OnceLock<Vec<X509>> = OnceLock::new();
    EXTRA.get_or_init(|| {
        let Some(file) = extra_file() else {
            return Vec::new();
        };
        std::fs::read(file)
            .ok()
            .and_then(|pem| X509::stack_from_pem(&pem).ok())
            .unwrap_or_default()
    })
}

/// Node's start-up warning for a NODE_EXTRA_CA_CERTS file it cannot read, with
/// OpenSSL's wording of the system error (ERR_LIB_SYS packed with errno).
pub fn warn_extra_ca_certs() {
    let Some(file) = extra_file() else { return };
    if let Err(e) = std::fs::File::open(&file) {
        let errno = e.raw_os_error().unwrap_or(libc::EIO);
        let text = std::io::Error::from_raw_os_error(errno).to_string();
        let text = text.split(" (os error").next().unwrap_or(&text);
        eprintln!(
            "Warning: Ignoring extra certs from `{file}`, load failed: error:{:08X}:system library::{text}",
            0x8000_0000u32 | errno as u32
        );
    }
}

/// Makes a context without CAs of its own trust the system's and the extra roots.
pub(super) fn trust_defaults(b: &mut SslContextBuilder) {
    let store = b.cert_store_mut();
    if let Ok(lookup) = store.add_lookup(openssl::x509::store::X509Lookup::hash_dir()) {
        let _ = lookup.add_dir(SYSTEM_CA_DIR, openssl::ssl::SslFiletype::PEM);
    }
    for cert in extra_certs() {
        // One already trusted is no error.
        let _ = b.cert_store_mut().add_cert(cert.clone());
    }
}
