#!/usr/bin/env bash
# Builds the rigger that ships and packs it, or installs or removes it.
#
#   Scripts/release.sh dist              dist/rigger-VERSION-linux-ARCH.tar.gz and dist/SHA256SUMS
#   Scripts/release.sh install [PREFIX]  the same files under PREFIX (default /usr/local)
#   Scripts/release.sh uninstall [PREFIX]
#   Scripts/release.sh build             only the shipped binary; prints its path
#
# The binary has the Swift runtime and Foundation linked in, and C++'s runtime too, so that a
# host needs only glibc and ncurses from its own packages (the README says which). It is built
# in .build-dist (RIGGER_DIST_BUILD overrides it), apart from the development build: a test
# that runs this script while `swift test` holds .build then doesn't wait for it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scratch="${RIGGER_DIST_BUILD:-$root/.build-dist}"
dist="${RIGGER_DIST_OUT:-$root/dist}"

# C++'s runtime is linked in from this folder, which holds only libstdc++.a: the linker takes
# the first libstdc++ it finds, and gcc's own folder has the shared one first.
static_cxx="$scratch/static-libstdc++"

# Why each flag is there (README, "Install on a bastion host"):
# - -static-stdlib (--static-swift-stdlib, in the form `swift package` takes too): the Swift
#   runtime and Foundation are in the binary;
# - libstdc++ and libgcc linked in (lld finds the static libstdc++ first): no libstdc++.so to
#   load and relocate before the first frame;
# - -no-pie: a binary that holds Foundation has 84,000 relative relocations, which a position-
#   independent one applies at every start (and with them copies 230 pages); at a fixed address
#   it has none. kubectl and helm are built the same way. Packed relocations (DT_RELR) would
#   keep the address random but cost more and need glibc 2.36.
# - --no-export-dynamic: the static Swift runtime's link options export all 9,100 of the
#   binary's symbols, which dladdr then scans at every start (the runtime asks it for its own
#   path); rigger looks up no symbol by name, and 500 are left.
# --gc-sections is SwiftPM's own for release executables.
link_flags=(
  -Xswiftc -static-stdlib
  -Xswiftc -use-ld=lld
  -Xswiftc -L"$static_cxx"
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
  -Xlinker -no-pie
  -Xlinker --no-export-dynamic
)
build_flags=(-c release --product rigger --scratch-path "$scratch" "${link_flags[@]}")

build() {
  local libstdcxx
  libstdcxx="$(gcc -print-file-name=libstdc++.a 2>/dev/null || true)"
  if [ ! -f "$libstdcxx" ]; then
    echo "release: libstdc++.a was not found; install Debian's libstdc++-12-dev (or your gcc's libstdc++ -dev package)" >&2
    exit 1
  fi
  mkdir -p "$static_cxx"
  ln -sf "$libstdcxx" "$static_cxx/libstdc++.a"
  swift build "${build_flags[@]}" >&2
  # The symbols stay out of the shipped binary (the build folder keeps them): it is a third
  # smaller, and the unstripped one was measured about 3 ms slower to its first frame.
  mkdir -p "$scratch/shipped"
  strip -o "$scratch/shipped/rigger" "$(swift build "${build_flags[@]}" --show-bin-path)/rigger"
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

# The manual page, from ArgumentParser's generator, built with the same flags as rigger so that
# it reuses the ArgumentParser already built (its plugin would build the whole package again).
manual_page() {
  local into="$1" epoch="$2" generator folder
  local flags=(-c release --product generate-manual --scratch-path "$scratch" "${link_flags[@]}")
  swift build "${flags[@]}" >&2
  generator="$(swift build "${flags[@]}" --show-bin-path)/generate-manual"
  folder="$(dirname "$into")"
  "$generator" "$binary" --date "$(date -u -d "@$epoch" +%Y-%m-%d)" --output-directory "$folder"
  if [ ! -s "$into" ]; then
    echo "release: the manual generator wrote no $into" >&2
    exit 1
  fi
}

# Every licence of what is linked into the binary, with the project's own when it has one.
licences() {
  local into="$1" file
  {
    echo "Licences of the software linked into bin/rigger"
    echo
    echo "== Swift runtime, Foundation and Dispatch (the Swift toolchain)"
    cat "$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt"
    for file in "$scratch"/checkouts/*/LICENSE* "$scratch"/checkouts/*/NOTICE*; do
      [ -f "$file" ] || continue
      echo
      echo "== $(basename "$(dirname "$file")"): $(basename "$file")"
      cat "$file"
    done
    echo
    echo "== ICU, linked in through Foundation: the Unicode License (https://www.unicode.org/license.txt)"
    echo
    echo "== libstdc++ and libgcc, linked in from GCC: GPL 3 with the GCC Runtime Library Exception,"
    echo "   which lets programs compiled with GCC carry them under any licence."
  } >"$into"
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
  if [ -f LICENSE ]; then cp LICENSE "$tree/share/doc/rigger/LICENSE"; fi
  licences "$tree/share/doc/rigger/THIRD-PARTY-LICENSES"
  find "$tree" -exec touch -h -d "@$epoch" {} +
}

dist_command() {
  build
  local version arch name epoch
  version="$(version_of "$binary")"
  arch="$(architecture)"
  name="rigger-$version-linux-$arch"
  epoch="$(source_epoch)"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    echo "release: warning: the checkout has uncommitted changes, which this build contains but its commit does not name" >&2
  fi
  mkdir -p "$dist"
  stage "$dist/$name" "$epoch"
  # Sorted names, fixed owners and times, and gzip without a timestamp: the same tree packs the same bytes.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$dist" -cf - "$name" | gzip -n -9 >"$dist/$name.tar.gz"
  rm -rf "${dist:?}/$name"
  (cd "$dist" && sha256sum "$name.tar.gz" >SHA256SUMS)
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
