#!/usr/bin/env bash
# Installs what building and running coil needs, once; later runs only check.
#   - libnode (V8): the system's libnode-dev if installed, else the Debian packages
#     fetched with `apt-get download` and unpacked under target/libnode (the system's
#     `node`, possibly NodeSource's, is left alone: libnode108 conflicts with it).
#   - the shared libraries libnode.so needs at run time, via apt-get.
#   - a C++ compiler for the V8 shim; OpenSSL's headers (libssl-dev) and pkg-config.
# `setup.sh --test-tools` instead installs the clients the tests drive a coil
# server with (curl, ab, wrk, python3), for `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/libnode
stamp=$out/.ready

need_root() { if [ "$(id -u)" != 0 ]; then echo "sudo"; fi; }

if [ -n "${LIBNODE_DIR:-}" ]; then
  [ -f "$LIBNODE_DIR/include/node/v8.h" ] || { echo "setup: LIBNODE_DIR=$LIBNODE_DIR has no include/node/v8.h" >&2; exit 1; }
  exit 0
fi

apt_install() {
  command -v apt-get >/dev/null || { echo "setup: please install: $*" >&2; exit 1; }
  echo "setup: installing $*"
  $(need_root) apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $(need_root) apt-get install -y -qq "$@" >/dev/null
}

if [ "${1:-}" = "--test-tools" ]; then
  missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v ab >/dev/null || missing+=(apache2-utils)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v python3 >/dev/null || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  exit 0
fi

missing=()
command -v g++ >/dev/null || missing+=(g++)
# crypto links the system's OpenSSL (the openssl crate finds it with pkg-config).
for pkg in libssl-dev pkg-config; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
command -v cargo >/dev/null || { echo "setup: cargo (Rust) is required: https://rustup.rs" >&2; exit 1; }
for pkg in libuv1 libicu72 libc-ares2 libnghttp2-14 libbrotli1 libssl3 zlib1g; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# A system libnode-dev (headers and library from one package) is used as it is.
if dpkg -s libnode-dev >/dev/null 2>&1; then exit 0; fi
[ -f "$stamp" ] && exit 0

echo "setup: fetching libnode (Debian's libnode108 + libnode-dev) into $out"
rm -rf "$out" && mkdir -p "$out/deb"
(
  cd "$out/deb"
  apt-get download libnode108 libnode-dev >/dev/null 2>&1 || {
    $(need_root) apt-get update -qq
    apt-get download libnode108 libnode-dev >/dev/null
  }
)
for deb in "$out"/deb/*.deb; do dpkg -x "$deb" "$out"; done
rm -rf "$out/deb"
[ -f "$out/usr/include/node/v8.h" ] || { echo "setup: libnode-dev did not unpack (no v8.h)" >&2; exit 1; }
touch "$stamp"
