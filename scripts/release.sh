#!/usr/bin/env bash
# Builds the release artifacts into dist/ from the checked-out commit:
#   dist/seedc-<version>-linux-x86_64.tar.gz   one `seedc` binary that runs without
#       the Swift toolchain: the Swift standard library and Foundation linked in
#       (--static-swift-stdlib), libyaml, SQLite, cmark-gfm and libxcrypt linked from
#       Debian's static archives; libpq is loaded with dlopen only when a postgres://
#       database is used, so the binary needs only glibc, libstdc++, libgcc_s and zlib;
#   dist/seedc-<version>-py3-none-manylinux_<glibc>_x86_64.whl   the same binary as
#       a wheel's script (`pip install seedc` puts it on the venv's PATH), its tag
#       checked with `auditwheel show`.
# The version is SeedcVersion.tool (Sources/SeedCompiler/Schema/Version.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

version=$(sed -n 's/.*static let tool = "\(.*\)".*/\1/p' Sources/SeedCompiler/Schema/Version.swift)
[ -n "$version" ] || { echo "release: no version in Version.swift" >&2; exit 1; }
arch=$(uname -m)
[ "$arch" = x86_64 ] || { echo "release: only x86_64 is built (this is $arch)" >&2; exit 1; }
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)

# A folder holding only the static archives, and pkg-config files that name it instead
# of the system folder: the system modules' -lyaml, -lcmark-gfm, -lcrypt (and GRDB's
# -lsqlite3) then find libX.a, as no folder with libX.so comes before it. SwiftPM puts
# pkg-config's -L flags ahead of any -Xlinker flag, so this is done through
# PKG_CONFIG_PATH, for this build only.
static_libs="$PWD/.build/release-static-libs"
rm -rf "$static_libs" && mkdir -p "$static_libs/pkgconfig"
for lib in yaml sqlite3 cmark-gfm cmark-gfm-extensions crypt; do
  archive="/usr/lib/$multiarch/lib$lib.a"
  [ -f "$archive" ] || { echo "release: $archive is missing (its -dev package ships it)" >&2; exit 1; }
  ln -s "$archive" "$static_libs/"
done
for pc in yaml-0.1 libcmark-gfm libxcrypt; do
  sed "s|^Libs:.*-L\${libdir}|Libs: -L$static_libs|" "/usr/lib/$multiarch/pkgconfig/$pc.pc" >"$static_libs/pkgconfig/$pc.pc"
done

start=$(date +%s)
# SQLite's static archive needs zlib (libz.so.1 is on every Debian and Ubuntu).
PKG_CONFIG_PATH="$static_libs/pkgconfig" swift build -c release --product seedc --static-swift-stdlib -Xlinker -lz
echo "release: swift build -c release took $(( $(date +%s) - start )) s"
binary="$(PKG_CONFIG_PATH="$static_libs/pkgconfig" swift build -c release --show-bin-path)/seedc"

# Nothing of the toolchain or of the statically linked libraries may be needed at run time.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if echo "$needed" | grep -E 'swift|Foundation|dispatch|BlocksRuntime|yaml|sqlite|cmark|crypt|pq' >&2; then
  echo "release: the binary still needs the libraries above" >&2
  exit 1
fi

rm -rf dist && mkdir -p dist/stage
cp "$binary" dist/stage/seedc
strip dist/stage/seedc
"dist/stage/seedc" --version
tarball="dist/seedc-$version-linux-$arch.tar.gz"
tar -C dist/stage --owner=0 --group=0 --numeric-owner --mtime=@315532800 -czf "$tarball" seedc

# The manylinux tag follows from the newest glibc symbol version the binary uses.
glibc=$(objdump -T dist/stage/seedc | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n | tail -1)
platform="manylinux_${glibc/./_}_$arch"
tools=.build/release-tools
if ! "$tools/bin/auditwheel" --version >/dev/null 2>&1; then
  python3 -m venv "$tools"
  "$tools/bin/pip" install -q --disable-pip-version-check auditwheel
fi
wheel=$(python3 scripts/make_wheel.py dist/stage/seedc "$version" "$platform" dist README.md)
show=$("$tools/bin/auditwheel" show "$wheel")
echo "$show"
if ! echo "$show" | tr -d '\n' | grep -q "\"$platform\""; then
  echo "release: auditwheel does not confirm $platform" >&2
  exit 1
fi
rm -rf dist/stage
ls -l dist
