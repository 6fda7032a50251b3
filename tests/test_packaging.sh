#!/bin/sh
# SPDX-License-Identifier: MIT
# Packaging test: installs whosaid into a temporary prefix with `meson install`, then builds the
# consumer project examples/consumer four ways and runs it, checking its output each time:
#   1. CMake: find_package(whosaid 0.1) + target whosaid::whosaid
#   2. Meson: dependency('whosaid') through the installed whosaid.pc
#   3. plain compiler + `pkg-config --cflags --libs whosaid`
#   4. Meson subproject: subprojects/whosaid -> this tree, dependency('whosaid') through
#      meson.override_dependency (no install)
# and builds and runs the C++ embedding example of README.md with pkg-config's flags,
# and checks the CMake version file (0.1 accepted, 0.2 and 1.0 refused).
#   sh tests/test_packaging.sh SOURCE_ROOT
# Exit 0: pass; 77: skipped (cmake missing); anything else: fail.
set -eu

src=$(cd "$1" && pwd)
consumer="$src/examples/consumer"
expected="$consumer/expected_output.txt"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-packaging.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix="$tmp/prefix"

fail() {
  echo "FAIL (packaging): $*" >&2
  exit 1
}

quiet() {  # runs a command, showing its output only when it fails
  if ! "$@" >"$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    fail "command failed: $*"
  fi
}

check_output() {  # BINARY HOW
  [ -x "$1" ] || fail "$2: no binary $1"
  "$1" >"$tmp/actual" 2>&1 || { cat "$tmp/actual" >&2; fail "$2: the consumer exited with an error"; }
  if ! cmp -s "$expected" "$tmp/actual"; then
    diff -u "$expected" "$tmp/actual" >&2 || true
    fail "$2: consumer output differs from $expected"
  fi
  echo "ok: consumer built with $2"
}

# Keep the user's or CI's environment from steering the builds.
unset CPPFLAGS CXXFLAGS LDFLAGS MESON_BUILD_ROOT MESON_SOURCE_ROOT || true

# ---- install ---------------------------------------------------------------------------
quiet meson setup "$tmp/build" "$src" --prefix "$prefix" --libdir lib -Dtests=disabled -Dexamples=false \
  -Dbenchmarks=false --wrap-mode=nodownload
quiet meson install -C "$tmp/build"
for f in include/whosaid/whosaid.hpp include/whosaid/version.hpp share/pkgconfig/whosaid.pc \
         share/cmake/whosaid/whosaidConfig.cmake share/cmake/whosaid/whosaidConfigVersion.cmake; do
  [ -f "$prefix/$f" ] || fail "meson install did not install $f"
done
# Every header in the tree is installed (detail/ included).
for h in $(cd "$src/include" && find whosaid -name '*.hpp'); do
  [ -f "$prefix/include/$h" ] || fail "header $h is not installed"
done
echo "ok: meson install put headers, whosaid.pc and the CMake package into the prefix"

PKG_CONFIG_PATH="$prefix/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH

# ---- pkg-config --------------------------------------------------------------------------
flags=$(pkg-config --cflags --libs whosaid) || fail "pkg-config does not find whosaid"
case "$flags" in *"-I$prefix/include"*) ;; *) fail "pkg-config --cflags lacks -I$prefix/include: $flags" ;; esac
case "$flags" in *-lre2*) ;; *) fail "pkg-config --libs lacks RE2: $flags" ;; esac
case "$flags" in *-lutf8proc*) ;; *) fail "pkg-config --libs lacks utf8proc: $flags" ;; esac
[ "$(pkg-config --modversion whosaid)" = "$(sed -n "s/^#define WHOSAID_VERSION_STRING \"\(.*\)\"/\1/p" "$src/include/whosaid/version.hpp")" ] ||
  fail "whosaid.pc version differs from WHOSAID_VERSION_STRING"
cxx=${CXX:-c++}
# shellcheck disable=SC2086
quiet "$cxx" -std=c++20 -o "$tmp/consumer-pc" "$consumer/main.cpp" $flags
check_output "$tmp/consumer-pc" "c++ and pkg-config"
# The embedding example of README.md ("Using the library") compiles and runs as printed.
sed -n '/<!-- embedding-example/,/<!-- \/embedding-example -->/p' "$src/README.md" | sed '/^```/d; /^<!--/d' >"$tmp/readme_example.cpp"
[ -s "$tmp/readme_example.cpp" ] || fail "no C++ example in README.md"
# shellcheck disable=SC2086
quiet "$cxx" -std=c++20 -Wall -Wextra -o "$tmp/readme-example" "$tmp/readme_example.cpp" $flags
"$tmp/readme-example" >"$tmp/actual" 2>&1 || { cat "$tmp/actual" >&2; fail "the README example exited with an error"; }
[ -s "$tmp/actual" ] || fail "the README example printed nothing"
echo "ok: the README embedding example builds against the installed package and runs"

# ---- CMake -------------------------------------------------------------------------------
if command -v cmake >/dev/null 2>&1; then
  generator=""
  command -v ninja >/dev/null 2>&1 && generator="-GNinja"
  # No build type (no optimisation): what is tested is that find_package and the target work,
  # and -O3 only made this the slowest build of the test (about 25 s of CI).
  quiet cmake -S "$consumer" -B "$tmp/cmake" $generator -DCMAKE_PREFIX_PATH="$prefix"
  quiet cmake --build "$tmp/cmake"
  check_output "$tmp/cmake/whosaid-consumer" "CMake find_package(whosaid) + whosaid::whosaid"

  # The version file: 0.1 and 0.1.0 are accepted, a newer minor or major is refused.
  mkdir -p "$tmp/version"
  for want in 0.1 0.2 1.0; do
    cat >"$tmp/version/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(whosaid_version_check NONE)
find_package(whosaid $want QUIET)
message(STATUS "whosaid_FOUND=\${whosaid_FOUND} version=\${whosaid_VERSION}")
EOF
    rm -rf "$tmp/version/build"
    cmake -S "$tmp/version" -B "$tmp/version/build" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "cmake version check $want"; }
    case "$want" in
      0.1) grep -q "whosaid_FOUND=1 version=0.1" "$tmp/log" || { cat "$tmp/log" >&2; fail "find_package(whosaid 0.1) did not accept 0.1.x"; } ;;
      *) grep -q "whosaid_FOUND=0" "$tmp/log" || { cat "$tmp/log" >&2; fail "find_package(whosaid $want) accepted 0.1.x"; } ;;
    esac
  done
  echo "ok: whosaidConfigVersion.cmake accepts 0.1, refuses 0.2 and 1.0"
else
  echo "SKIP: cmake is not installed (Debian package cmake): CMake consumer not built"
  cmake_missing=1
fi

# ---- Meson, installed package --------------------------------------------------------------
quiet meson setup "$tmp/meson" "$consumer" --wrap-mode=nofallback
grep -q "Run-time dependency whosaid found: YES" "$tmp/meson/meson-logs/meson-log.txt" ||
  fail "Meson did not take whosaid from pkg-config"
quiet meson compile -C "$tmp/meson"
check_output "$tmp/meson/whosaid-consumer" "Meson dependency('whosaid') via pkg-config"

# ---- Meson subproject ----------------------------------------------------------------------
# The consumer next to subprojects/whosaid (a symlink to this tree), the installed package
# out of sight: dependency('whosaid') must come from the subproject's override_dependency.
mkdir -p "$tmp/super/subprojects"
cp "$consumer/meson.build" "$consumer/main.cpp" "$tmp/super/"
ln -s "$src" "$tmp/super/subprojects/whosaid"
PKG_CONFIG_PATH="" quiet meson setup "$tmp/super-build" "$tmp/super" --force-fallback-for=whosaid
grep -q "Dependency whosaid found: YES .*(overridden)" "$tmp/super-build/meson-logs/meson-log.txt" ||
  fail "the subproject did not provide dependency('whosaid') through override_dependency"
quiet meson compile -C "$tmp/super-build"
check_output "$tmp/super-build/whosaid-consumer" "Meson subproject (override_dependency)"

if [ "${cmake_missing:-0}" = 1 ]; then
  exit 77
fi
echo "ok: packaging"
