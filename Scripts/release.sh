#!/usr/bin/env bash
# Builds the rigger that ships and packs it, or installs or removes it.
#
#   Scripts/release.sh dist              dist/rigger-VERSION-linux-ARCH.tar.gz, its relink kit
#                                        (-relink.tar.gz, for glibc's LGPL) and dist/SHA256SUMS
#   Scripts/release.sh install [PREFIX]  the same files under PREFIX (default /usr/local)
#   Scripts/release.sh uninstall [PREFIX]
#   Scripts/release.sh build             only the shipped binary; prints its path
#
# The binary has everything linked in (the Swift runtime, Foundation, C++'s runtime, ncurses
# and glibc), so that a host needs only the terminfo entries of its own ncurses-base package (the
# README says why). It is built in .build-dist (RIGGER_DIST_BUILD overrides it), apart from the development build: a test
# that runs this script while `swift test` holds .build then doesn't wait for it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scratch="${RIGGER_DIST_BUILD:-$root/.build-dist}"
dist="${RIGGER_DIST_OUT:-$root/dist}"

# Why it is linked this way (README, "Install on a bastion host"): -static-executable links
# everything in, the Swift runtime and Foundation, C++'s runtime, ncurses and glibc, at a fixed
# address. Measured against the same code linked with the Swift runtime static and glibc and
# ncurses from the host (-static-stdlib, static libstdc++, -no-pie, --no-export-dynamic), it
# reaches its first frame about 0.7 ms sooner on a quiet machine, 1.27x dialog's against 1.43x:
# no libraries to find, map and relocate, which a binary holding Foundation pays for more than
# dialog does. What it costs: glibc's name service (users, hosts) would need the build's glibc
# on the host, so rigger never asks it (no getpwuid, no DNS); the host's locale archive and
# terminfo files are read by this glibc and ncurses, whose formats have long been stable.
link_flags=(
  -Xswiftc -static-executable
)
# A compiler flag, from counting with callgrind the instructions before the wizard's first
# frame: generic types at concrete arguments ([String: String], a Set of the wizard's fields) are
# reached through their metadata accessors, which take the conformances from the compiler; by
# mangled name, the Swift runtime checked each generic requirement by scanning every protocol
# conformance of the binary (about 6,300), 1 of the 8.8 million instructions. A frontend flag:
# a toolchain that drops it fails this build loudly.
compile_flags=(
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
)
build_flags=(-c release --product rigger --scratch-path "$scratch" "${link_flags[@]}" "${compile_flags[@]}")

build() {
  local library
  # Everything is linked in, so the static libraries must be there: C++'s from g++, ncurses'
  # from libncurses-dev.
  for library in libstdc++.a libncursesw.a libtinfo.a; do
    case "$(gcc -print-file-name="$library" 2>/dev/null)" in
      /*) ;;
      *)
        echo "release: $library was not found; install Debian's g++ and libncurses-dev" >&2
        exit 1
        ;;
    esac
  done
  # The linker warns that getpwuid and the like need the build's glibc at run time: rigger
  # never calls them (see above).
  swift build "${build_flags[@]}" >&2
  # The symbols stay out of the shipped binary (the build folder keeps them): it is a third
  # smaller, and the unstripped one was measured about 3 ms slower to its first frame.
  mkdir -p "$scratch/shipped"
  linked="$(swift build "${build_flags[@]}" --show-bin-path)/rigger"
  strip -o "$scratch/shipped/rigger" "$linked"
  binary="$scratch/shipped/rigger"
}

# The version the binary reports: "0.1.0 (commit abc123)" gives 0.1.0.
version_of() { "$1" --version | awk '{ print $1; exit }'; }

architecture() {
  case "$(uname -m)" in
    x86_64 | amd64) echo x86_64 ;;
    aarch64 | arm64) echo aarch64 ;;
    *) uname -m ;;
  esac
}

# The date of the commit built (or SOURCE_DATE_EPOCH), so that the same commit packs the same bytes.
source_epoch() {
  if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    echo "$SOURCE_DATE_EPOCH"
  elif git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" log -1 --format=%ct
  else
    date +%s
  fi
}

# The manual page: man/rigger.1, written for rigger (its keys, plain mode, exit codes and
# environment, which a generated page can't say), with the release's date and version in its header.
manual_page() {
  local into="$1" epoch="$2" version
  version="$("$binary" --version | head -n 1)"
  sed -e "1s/^\.TH RIGGER 1 \"\" \"rigger\"/.TH RIGGER 1 \"$(date -u -d "@$epoch" +%Y-%m-%d)\" \"$version\"/" man/rigger.1 >"$into"
  if ! head -n 1 "$into" | grep -q "$(date -u -d "@$epoch" +%Y-%m-%d)"; then
    echo "release: man/rigger.1 has no .TH line to date" >&2
    exit 1
  fi
}

# The version of a Debian package of the build machine, or "unknown".
package_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo unknown; }

# Every licence of what is linked into the binary; the project's own is LICENSE, beside it.
licences() {
  local into="$1" kit="$2" file toolchain icu gcc_major
  toolchain="$(dirname "$(dirname "$(command -v swift)")")"
  icu="$(sed -n 's/^#define U_ICU_VERSION "\(.*\)"/\1/p' "$toolchain/lib/swift_static/_foundation_unicode/uvernum.h" 2>/dev/null)"
  gcc_major="$(gcc -dumpversion | cut -d. -f1)"
  {
    echo "Licences of the software linked into bin/rigger"
    echo
    echo "bin/rigger is one static executable. Besides rigger (LICENSE) it holds the software below:"
    echo "the Swift toolchain's runtime and Foundation, the Swift packages rigger uses, and from the"
    echo "build machine's Debian packages C++'s runtime (GCC), ncurses and the GNU C Library (glibc)."
    echo
    echo "glibc is under the GNU Lesser General Public License 2.1 or later (below), which allows a"
    echo "program linked with it statically on condition that its users can relink the program with a"
    echo "modified glibc. So each release comes with a relink kit, $kit.tar.gz,"
    echo "published beside this tarball and listed in the same SHA256SUMS: the object files and static"
    echo "libraries of everything in bin/rigger but glibc, and relink.sh, which runs the link command the"
    echo "release was made with: './relink.sh GLIBC_FOLDER' makes bin/rigger with the glibc in that folder."
    echo "The glibc linked in is Debian's $(package_version libc6-dev) (source package glibc of that version)."
    echo
    echo "The relink kit also carries GCC's runtime libraries as they are (libstdc++.a, libgcc.a,"
    echo "libgcc_eh.a and GCC's start and end files), under the GPL 3. The source code of glibc and GCC,"
    echo "exactly as linked, is Debian's source packages, kept for good by Debian's snapshot archive:"
    echo "  glibc $(package_version libc6-dev): https://snapshot.debian.org/package/glibc/$(package_version libc6-dev | sed 's/+/%2B/g')/"
    echo "  gcc-$gcc_major $(package_version "libstdc++-$gcc_major-dev"): https://snapshot.debian.org/package/gcc-$gcc_major/$(package_version "libstdc++-$gcc_major-dev" | sed 's/+/%2B/g')/"
    echo "For at least three years after this release, the rigger project also provides that source to"
    echo "anyone who asks for it, for no more than the cost of providing it."
    echo
    echo "== Swift runtime, Foundation and Dispatch (Swift toolchain: $(swift --version 2>/dev/null | head -n 1))"
    cat "$toolchain/share/swift/LICENSE.txt"
    echo
    echo "== ICU ${icu:-(version unknown)}, linked in through Foundation (the toolchain's swift-foundation-icu)"
    echo "The Swift toolchain distributes it under its licence above. ICU's own files say:"
    echo "© 2016 and later: Unicode, Inc. and others. License & terms of use: https://www.unicode.org/copyright.html"
    for file in "$scratch"/checkouts/*/LICENSE* "$scratch"/checkouts/*/NOTICE*; do
      [ -f "$file" ] || continue
      echo
      echo "== $(basename "$(dirname "$file")"): $(basename "$file")"
      cat "$file"
    done
    echo
    echo "== libyaml, inside Yams (its CYaml module): the MIT License, as printed for Yams above, with"
    echo "Copyright (c) 2017-2020 Ingy döt Net and Copyright (c) 2006-2016 Kirill Simonov."
    echo
    echo "== BoringSSL, inside swift-crypto (its CCryptoBoringSSL module): the Apache License 2.0, as"
    echo "printed for swift-crypto above, Copyright The BoringSSL Authors."
    echo
    echo "== libstdc++ and libgcc, linked in from GCC $(gcc -dumpversion) (Debian's $(package_version "libstdc++-$gcc_major-dev")):"
    echo "the GPL 3 with the GCC Runtime Library Exception, which lets programs compiled with GCC, or"
    echo "without it as rigger is, carry them under any licence. Debian's copyright file of GCC:"
    cat "/usr/share/doc/gcc-$gcc_major-base/copyright"
    # glibc and ncurses are linked in from the build machine's packages; their copyright files
    # say under which licences, and glibc's LGPL asks for its text.
    echo
    echo "== glibc (Debian's libc6 $(package_version libc6)): Debian's copyright file"
    cat /usr/share/doc/libc6/copyright
    echo
    echo "== The GNU Lesser General Public License 2.1, glibc's licence"
    cat /usr/share/common-licenses/LGPL-2.1
    echo
    echo "== ncurses (Debian's libncurses-dev $(package_version libncurses-dev)): Debian's copyright file"
    cat /usr/share/doc/libncurses-dev/copyright
  } >"$into"
}

# The relink kit beside the tarball (see licences above): Scripts/relink-kit.py asks the toolchain
# for the linker command the release binary was made with and lays out its inputs, glibc's
# excepted, with relink.sh.
relink_kit() {
  local kit="$1" licences_file="$2" epoch="$3" linker version
  rm -rf "$kit"
  linker="$(python3 Scripts/relink-kit.py "$scratch/release.yaml" "$linked" "$kit")"
  version="$("$binary" --version)"
  cp LICENSE "$kit/LICENSE"
  cp "$licences_file" "$kit/THIRD-PARTY-LICENSES"
  cat >"$kit/README" <<README
The relink kit of rigger $version, for $(uname -s) $(uname -m)

bin/rigger of the release tarball is linked statically with the GNU C Library (glibc), which
is under the LGPL 2.1 or later: this kit lets you link it again with a glibc of your own.

  ./relink.sh GLIBC_FOLDER [OUTPUT]

GLIBC_FOLDER holds glibc's start files and static libraries (crt1.o, crti.o, crtn.o, libc.a,
libm.a and the like; relink.sh names those it needs), e.g. /usr/lib/x86_64-linux-gnu with
Debian's libc6-dev, or the lib folder of a glibc you built. It needs $(basename "$linker") (GNU binutils;
LD=another-linker to use another) and strip. With Debian's libc6-dev $(package_version libc6-dev), the
glibc the release was linked with, OUTPUT is bin/rigger byte for byte except its build ID, a
hash of the whole link, which counted the debug information these objects no longer hold.

objects/   rigger's modules and those of the Swift packages it uses, debug information stripped
lib/       the Swift runtime, Foundation, Dispatch and ICU ($(swift --version 2>/dev/null | head -n 1)),
           C++'s runtime and libgcc (GCC $(gcc -dumpversion)), ncurses ($(package_version libncurses-dev)),
           and the start files of GCC and Swift
relink.sh  the link command the release was made with, with these paths
THIRD-PARTY-LICENSES, LICENSE   as in the release tarball
README
  find "$kit" -exec touch -h -d "@$epoch" {} +
}

# Lays out the release tree: bin/, share/man, the completions, share/doc.
stage() {
  local tree="$1" epoch="$2"
  rm -rf "$tree"
  mkdir -p "$tree/bin" "$tree/share/man/man1" "$tree/share/bash-completion/completions" \
    "$tree/share/zsh/site-functions" "$tree/share/fish/vendor_completions.d" "$tree/share/doc/rigger"
  cp "$binary" "$tree/bin/rigger"
  "$tree/bin/rigger" --generate-completion-script bash >"$tree/share/bash-completion/completions/rigger"
  "$tree/bin/rigger" --generate-completion-script zsh >"$tree/share/zsh/site-functions/_rigger"
  "$tree/bin/rigger" --generate-completion-script fish >"$tree/share/fish/vendor_completions.d/rigger.fish"
  manual_page "$tree/share/man/man1/rigger.1" "$epoch"
  cp README.md "$tree/share/doc/rigger/README.md"
  cp LICENSE "$tree/share/doc/rigger/LICENSE"
  licences "$tree/share/doc/rigger/THIRD-PARTY-LICENSES" "$(release_name)-relink"
  find "$tree" -exec touch -h -d "@$epoch" {} +
}

# The release's name, rigger-VERSION-linux-ARCH, once the binary is built.
release_name() { echo "rigger-$(version_of "$binary")-linux-$(architecture)"; }

dist_command() {
  build
  local name epoch
  name="$(release_name)"
  epoch="$(source_epoch)"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    echo "release: warning: the checkout has uncommitted changes, which this build contains but its commit does not name" >&2
  fi
  mkdir -p "$dist"
  stage "$dist/$name" "$epoch"
  relink_kit "$dist/$name-relink" "$dist/$name/share/doc/rigger/THIRD-PARTY-LICENSES" "$epoch"
  # Sorted names, fixed owners and times, and gzip without a timestamp: the same tree packs the same bytes.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$dist" -cf - "$name" | gzip -n -9 >"$dist/$name.tar.gz"
  # The kit is five times the tarball's size unpacked (140 MB): gzip's default level packs it in
  # a sixth of -9's time, 1% larger.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$dist" -cf - "$name-relink" | gzip -n -6 >"$dist/$name-relink.tar.gz"
  rm -rf "${dist:?}/$name" "${dist:?}/$name-relink"
  (cd "$dist" && sha256sum "$name.tar.gz" "$name-relink.tar.gz" >SHA256SUMS)
  echo "$dist/$name.tar.gz"
}

# The files install puts under PREFIX, relative to it.
installed_files=(
  bin/rigger
  share/man/man1/rigger.1
  share/bash-completion/completions/rigger
  share/zsh/site-functions/_rigger
  share/fish/vendor_completions.d/rigger.fish
  share/doc/rigger/README.md
  share/doc/rigger/LICENSE
  share/doc/rigger/THIRD-PARTY-LICENSES
)

install_command() {
  local prefix="${1:-/usr/local}" file
  build
  staging="$(mktemp -d)"
  trap 'rm -rf "$staging"' EXIT
  stage "$staging/rigger" "$(source_epoch)"
  for file in "${installed_files[@]}"; do
    [ -f "$staging/rigger/$file" ] || continue
    if [ "$file" = bin/rigger ]; then
      install -D -m 0755 "$staging/rigger/$file" "$prefix/$file"
    else
      install -D -m 0644 "$staging/rigger/$file" "$prefix/$file"
    fi
    echo "installed $prefix/$file"
  done
}

uninstall_command() {
  local prefix="${1:-/usr/local}" file
  for file in "${installed_files[@]}"; do
    if [ -e "$prefix/$file" ]; then
      rm -f "$prefix/$file"
      echo "removed $prefix/$file"
    fi
  done
  rmdir "$prefix/share/doc/rigger" 2>/dev/null || true
}

case "${1:-dist}" in
  dist) dist_command ;;
  build)
    build
    echo "$binary"
    ;;
  install) install_command "${2:-}" ;;
  uninstall) uninstall_command "${2:-}" ;;
  *)
    echo "usage: Scripts/release.sh dist | build | install [PREFIX] | uninstall [PREFIX]" >&2
    exit 2
    ;;
esac
