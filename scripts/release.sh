#!/usr/bin/env bash
# Builds the release artifacts into dist/ from the checked-out commit:
#   dist/seedc-<version>-linux-x86_64.tar.gz   one `seedc` binary that runs without
#       the Swift toolchain: the Swift standard library and Foundation linked in
#       (--static-swift-stdlib), libyaml, SQLite, cmark-gfm, libxcrypt and libstdc++
#       linked from Debian's static archives; libpq is loaded with dlopen only when a
#       postgres:// database is used, so the binary needs only glibc (2.34 or later),
#       libgcc_s and zlib;
#   dist/seedc-<version>-py3-none-manylinux_2_34_x86_64.whl   the same binary as a
#       wheel's script (`pip install seedc` puts it on the venv's PATH), its tag
#       checked with `auditwheel show`;
#   dist/SHA256SUMS   both artifacts' SHA-256 (`sha256sum -c SHA256SUMS`).
# The symbol floor: the build fails if the binary imports any symbol versioned above
# GLIBC_2.34, GLIBCXX_3.4.29 or CXXABI_1.3.13 (glibc 2.34 and GCC 11's libstdc++: RHEL 9,
# Amazon Linux 2023, Ubuntu 22.04). The build sees the checkout at one fixed path
# (below), so the artifacts are byte-identical wherever the commit is checked out:
#   scripts/release.sh --verify   also builds the committed HEAD in two fresh clones at
#       different paths and fails unless their artifacts are byte-identical (cmp).
# The version is SeedcVersion.tool (Sources/SeedCompiler/Schema/Version.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
verify=0
case "${1:-}" in
  "") ;;
  --verify) verify=1 ;;
  *) echo "release: unknown argument $1 (usage: scripts/release.sh [--verify])" >&2; exit 2 ;;
esac
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
# libstdc++ too (the Swift runtime, ICU and BoringSSL are C++): GCC 12's libstdc++.so
# would need GLIBCXX_3.4.30 (std::condition_variable::wait, from ICU), newer than RHEL 9's.
# The -lstdc++ of the link then finds this archive first, like the ones above.
libstdcxx=$(gcc -print-file-name=libstdc++.a)
[ -f "$libstdcxx" ] || { echo "release: libstdc++.a is missing (libstdc++-12-dev ships it)" >&2; exit 1; }
ln -s "$libstdcxx" "$static_libs/"
for pc in yaml-0.1 libcmark-gfm libxcrypt; do
  sed "s|^Libs:.*-L\${libdir}|Libs: -L$static_libs|" "/usr/lib/$multiarch/pkgconfig/$pc.pc" >"$static_libs/pkgconfig/$pc.pc"
done

# Reproducible wherever the commit is checked out: the build sees the checkout at one
# fixed path, bind-mounted in a private mount namespace (`unshare -m`; `unshare -rm`
# when not root), with its own scratch folder, .build/release-build. Mapping paths
# alone (-file-prefix-map) is not enough: swiftc still writes the length of each source
# file's absolute path into the code of `withoutActuallyEscaping` checks (GRDB has
# some), so a checkout at a path of another length gave another binary. Without
# namespaces the build runs in place, reproducible only at paths of the same length.
root=/tmp/seedc-release-root
if mkdir -p "$root" 2>/dev/null && unshare -m mount --bind "$PWD" "$root" 2>/dev/null; then in_root=(unshare -m)
elif mkdir -p "$root" 2>/dev/null && unshare -rm mount --bind "$PWD" "$root" 2>/dev/null; then in_root=(unshare -rm)
else
  echo "release: note: cannot bind-mount the checkout at $root (no mount namespace); building in place" >&2
  root=$PWD; in_root=()
fi
scratch=.build/release-build
start=$(date +%s)
# SQLite's static archive needs zlib (libz.so.1 is on every Debian and Ubuntu). The
# fixed path is written as `.` wherever the compilers record a path (the C sources'
# __FILE__, #filePath, debug info). The Swift compiler's per-object hash of the LLVM
# module (.swift_modhash, for skipping unchanged objects in incremental builds) is
# left zero: it differed from one build folder to the next. The linker leaves out the
# debug info (the release is stripped anyway), so the build ID is a hash of what ships:
# the debug info names clang module caches by a signature that differs between builds.
build_flags=(--static-swift-stdlib -Xlinker -lz -Xlinker --strip-debug
  -Xswiftc -file-prefix-map -Xswiftc "$root=." -Xcc "-ffile-prefix-map=$root=."
  -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen)
"${in_root[@]}" sh -c '[ "$0" = "$1" ] || mount --bind "$0" "$1" && cd "$1" && shift && exec "$@"' "$PWD" "$root" \
  env PKG_CONFIG_PATH="$static_libs/pkgconfig" swift build -c release --product seedc --scratch-path "$root/$scratch" "${build_flags[@]}"
echo "release: swift build -c release took $(( $(date +%s) - start )) s"
binary="$scratch/$arch-unknown-linux-gnu/release/seedc"
[ -x "$binary" ] || { echo "release: the build left no $binary" >&2; exit 1; }

# Nothing of the toolchain or of the statically linked libraries may be needed at run time.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if echo "$needed" | grep -E 'swift|Foundation|dispatch|BlocksRuntime|yaml|sqlite|cmark|crypt|pq|stdc\+\+' >&2; then
  echo "release: the binary still needs the libraries above" >&2
  exit 1
fi

rm -rf dist && mkdir -p dist/stage
cp "$binary" dist/stage/seedc
strip dist/stage/seedc
"dist/stage/seedc" --version

# The symbol floor: no imported symbol may need a newer glibc or libstdc++ than RHEL 9's.
too_new=$(objdump -T dist/stage/seedc | awk '$0 ~ /\*UND\*/ {
  if (match($0, /\((GLIBC|GLIBCXX|CXXABI)_[0-9.]+\)/)) {
    v = substr($0, RSTART + 1, RLENGTH - 2); n = split(v, p, /[_.]/)
    if (p[1] == "GLIBC") new = p[2] > 2 || (p[2] == 2 && p[3] > 34)
    else if (p[1] == "GLIBCXX") new = p[2] > 3 || (p[2] == 3 && (p[3] > 4 || (p[3] == 4 && p[4] > 29)))
    else new = p[2] > 1 || (p[2] == 1 && (p[3] > 3 || (p[3] == 3 && p[4] > 13)))
    if (new) print v, $NF
  } }')
if [ -n "$too_new" ]; then
  echo "$too_new" >&2
  echo "release: the binary imports the symbols above, newer than GLIBC_2.34, GLIBCXX_3.4.29 or CXXABI_1.3.13" >&2
  exit 1
fi

tarball="dist/seedc-$version-linux-$arch.tar.gz"
tar -C dist/stage --owner=0 --group=0 --numeric-owner --mode=0755 --mtime=@315532800 -czf "$tarball" seedc

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
(cd dist && sha256sum "${tarball#dist/}" "${wheel#dist/}" >SHA256SUMS)
ls -l dist
cat dist/SHA256SUMS
[ "$verify" = 1 ] || exit 0

# --verify: the committed HEAD, built in two fresh clones whose paths differ (in length
# too), must give byte-identical artifacts. Each clone is a full build.
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
  echo "release: note: --verify builds the committed HEAD, not the uncommitted changes" >&2
head=$(git rev-parse HEAD)
verify_dir="$PWD/.build/release-verify"
rm -rf "$verify_dir" && mkdir -p "$verify_dir"
clones=("$verify_dir/a" "$verify_dir/second-clone-at-a-longer-path")
for clone in "${clones[@]}"; do
  git clone -q --no-hardlinks . "$clone"
  git -C "$clone" checkout -q --detach "$head"
  clone_start=$(date +%s)
  "$clone/scripts/release.sh" >"$clone.log" 2>&1 || { echo "release: the build in $clone failed (see $clone.log)" >&2; exit 1; }
  echo "release: --verify: the build in $clone took $(( $(date +%s) - clone_start )) s"
done
status=0
for artifact in "$(basename "$tarball")" "$(basename "$wheel")" SHA256SUMS; do
  if cmp "${clones[0]}/dist/$artifact" "${clones[1]}/dist/$artifact"; then
    echo "release: --verify: $artifact is byte-identical in both clones"
  else
    status=1
  fi
done
sha256sum "${clones[0]}"/dist/*.tar.gz "${clones[0]}"/dist/*.whl "${clones[1]}"/dist/*.tar.gz "${clones[1]}"/dist/*.whl
if [ "$status" != 0 ]; then
  echo "release: --verify: the two builds differ; kept in $verify_dir" >&2
  exit 1
fi
rm -rf "$verify_dir"
