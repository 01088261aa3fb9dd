#!/usr/bin/env python3
"""Lays out the relink kit of a release: everything the release binary was linked from except
glibc, and relink.sh, which runs the very link command the release was made with against a glibc
the user names. glibc is under the LGPL 2.1, whose section 6 asks that a program linked with it
statically can be relinked with a modified glibc; THIRD-PARTY-LICENSES says so too.

Usage: Scripts/relink-kit.py MANIFEST BINARY KIT

MANIFEST is the release build's llbuild manifest (SCRATCH/release.yaml), which holds the command
SwiftPM linked BINARY with; KIT is the folder to write (it must not exist). The link is asked
again of the same toolchain, with clang's -### so that it only prints the linker's command line.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

# glibc's start files and static libraries, from Debian's libc6-dev: what the user's glibc
# folder must provide in their place.
GLIBC_FILES = {
    "crt1.o", "crti.o", "crtn.o", "Scrt1.o", "libc.a", "libm.a", "libmvec.a", "libpthread.a", "libdl.a", "libutil.a",
    "librt.a", "libresolv.a", "libanl.a",
}


def fail(message):
    print(f"relink-kit: {message}", file=sys.stderr)
    sys.exit(1)


def link_command(manifest, binary):
    """The swiftc command line SwiftPM linked `binary` with."""
    with open(manifest) as file:
        lines = file.read().splitlines()
    target = os.path.realpath(binary)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("outputs: ["):
            continue
        outputs = json.loads(stripped[len("outputs: "):])
        if [os.path.realpath(output) for output in outputs] != [target]:
            continue
        for following in lines[index + 1:index + 8]:
            if following.strip().startswith("args: "):
                return json.loads(following.strip()[len("args: "):])
    fail(f"no link command for {binary} in {manifest}")


def linker_command(swiftc_command, output):
    """The linker's command line, as clang would run it for `swiftc_command` writing `output`."""
    command = list(swiftc_command)
    command[command.index("-o") + 1] = output
    printed = subprocess.run(command + ["-Xclang-linker", "-###"], capture_output=True, text=True)
    if printed.returncode != 0:
        fail(f"asking for the link command failed:\n{printed.stderr[-2000:]}")
    for line in (printed.stdout + printed.stderr).splitlines():
        if line.startswith(' "'):
            # clang prints each argument in double quotes, with ", \ and $ escaped.
            return [re.sub(r"\\(.)", r"\1", part) for part in re.findall(r'"((?:[^"\\]|\\.)*)"', line)]
    fail("clang printed no linker command")


def library_path(name, search):
    """Where a static link finds -l`name`: the first folder of `search` holding lib`name`.a."""
    for folder in search:
        candidate = os.path.join(folder, f"lib{name}.a")
        if os.path.exists(candidate):
            return candidate
    fail(f"-l{name} is in no folder of {search}")


def main():
    if len(sys.argv) != 4:
        fail("usage: relink-kit.py MANIFEST BINARY KIT")
    manifest, binary, kit = sys.argv[1:]
    if os.path.exists(kit):
        fail(f"{kit} exists already")
    objects_root = os.path.dirname(binary)
    arguments = linker_command(link_command(manifest, binary), os.path.join(kit, "probe"))
    linker, arguments = arguments[0], arguments[1:]
    search = [argument[2:] for argument in arguments if argument.startswith("-L")]
    os.makedirs(os.path.join(kit, "objects"))
    os.makedirs(os.path.join(kit, "lib"))

    copied = {}

    def kit_file(path):
        """The path relink.sh names `path` by, copying it into the kit the first time."""
        if os.path.basename(path) in GLIBC_FILES:
            return '"$glibc"/' + shlex.quote(os.path.basename(path))
        path = os.path.realpath(path)
        if path in copied:
            return copied[path]
        if path.startswith(os.path.realpath(objects_root) + os.sep):
            # The project's and its packages' objects, without their debug information: the
            # release binary is stripped of it anyway.
            relative = os.path.join("objects", os.path.relpath(path, os.path.realpath(objects_root)))
            os.makedirs(os.path.join(kit, os.path.dirname(relative)), exist_ok=True)
            subprocess.run(["strip", "--strip-debug", "-o", os.path.join(kit, relative), path], check=True)
        else:
            relative = os.path.join("lib", os.path.basename(path))
            if os.path.exists(os.path.join(kit, relative)):
                fail(f"two inputs are named {os.path.basename(path)}")
            shutil.copyfile(path, os.path.join(kit, relative))
        copied[path] = shlex.quote(relative)
        return copied[path]

    words = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument == "-o":
            words.append('-o "$output.unstripped"')
            index += 1
        elif argument.startswith("-L"):
            # Every library is named by its path below, so no folder is searched.
            continue
        elif argument.startswith("-l"):
            words.append(kit_file(library_path(argument[2:], search)))
        elif argument.endswith((".o", ".a")) and os.path.exists(argument):
            words.append(kit_file(argument))
        else:
            words.append(shlex.quote(argument))

    linker_name = os.path.basename(linker)
    command = " \\\n  ".join(words)
    needed = " ".join(sorted({word[len('"$glibc"/'):] for word in words if word.startswith('"$glibc"/')}))
    script = f"""#!/bin/sh
# Relinks bin/rigger from this kit with the glibc in GLIBC_FOLDER: the link command the release
# was made with, on the same object files and libraries, glibc's excepted.
#
#   ./relink.sh GLIBC_FOLDER [OUTPUT]
#
# GLIBC_FOLDER holds glibc's static libraries and start files ({needed}),
# e.g. /usr/lib/x86_64-linux-gnu with Debian's libc6-dev, or the lib folder of a glibc you built.
# It needs {linker_name} (binutils; LD names another linker) and strip. OUTPUT is ./rigger by default.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: ./relink.sh GLIBC_FOLDER [OUTPUT]" >&2
  exit 2
fi
glibc=$(cd "$1" && pwd)
output=${{2:-rigger}}
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac
for file in {needed}; do
  if [ ! -e "$glibc/$file" ]; then
    echo "relink.sh: $glibc has no $file; name the folder of glibc's static libraries" >&2
    exit 2
  fi
done
cd "$(dirname "$0")"
"${{LD:-{linker_name}}}" \\
  {command}
strip -o "$output" "$output.unstripped"
rm -f "$output.unstripped"
echo "$output"
"""
    path = os.path.join(kit, "relink.sh")
    with open(path, "w") as file:
        file.write(script)
    os.chmod(path, 0o755)
    print(linker)


if __name__ == "__main__":
    main()
