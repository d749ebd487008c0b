#!/usr/bin/env bash
# Builds target/dist/coil_VERSION_ARCH.deb with dpkg-deb from what `make install`
# puts under /usr: bin/coil and its private engine lib/coil/libnode.so.N. The
# package depends on the engine's run-time libraries, never on libnode108 (which
# conflicts with NodeSource's nodejs), so coil and a system node install side by side.
# Usage: scripts/mkdeb.sh VERSION (run by `make deb`, after the build).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: scripts/mkdeb.sh VERSION}
arch=$(dpkg --print-architecture)
stage=target/dist/deb-stage
deb=target/dist/coil_${version}_${arch}.deb
# Who builds the package (DEB_MAINTAINER, else git's user, else a placeholder).
maintainer=${DEB_MAINTAINER:-$(git config user.name 2>/dev/null || true) <$(git config user.email 2>/dev/null || true)>}
[ "$maintainer" = " <>" ] && maintainer="coil builder <root@localhost>"

rm -rf "$stage"
make --no-print-directory install DESTDIR="$PWD/$stage" PREFIX=/usr >/dev/null
# Debian's layout: man pages gzipped, the package's copyright as doc/<pkg>/copyright.
gzip -9n "$stage/usr/share/man/man1/coil.1"
doc=$stage/usr/share/doc/coil
{
  echo "coil: MIT License, see below. Its engine, /usr/lib/coil/libnode.so.*, is"
  echo "Debian's libnode108 (Node.js' library build, holding V8): its notice is"
  echo "/usr/share/doc/coil/libnode.copyright."
  echo
  cat LICENSE
} >"$doc/copyright"
rm "$doc/LICENSE"

mkdir -p "$stage/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# The engine's run-time libraries (libnode108's own Depends, less node's JS
# modules, which coil does not load) and what coil itself links.
cat >"$stage/DEBIAN/control" <<CONTROL
Package: coil
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: libc6 (>= 2.34), libgcc-s1 (>= 3.4), libstdc++6 (>= 11), libssl3 (>= 3.0.0), libuv1 (>= 1.44.1), libicu72 (>= 72.1~rc-1~), libc-ares2 (>= 1.18.1~), libnghttp2-14 (>= 1.41.0), libbrotli1 (>= 1.0.0), zlib1g (>= 1:1.1.4)
Section: interpreters
Priority: optional
Description: JavaScript runtime for Linux on V8 and io_uring
 coil runs Node.js programs (CommonJS and Node's built-in modules) on V8, on
 one thread, with an event loop that submits file and socket operations to
 the kernel through io_uring (epoll where io_uring is unavailable).
 .
 The V8 engine is Debian's libnode.so.108, shipped privately in /usr/lib/coil,
 so this package installs beside any nodejs package, NodeSource's included.
CONTROL
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "deb: $deb"
