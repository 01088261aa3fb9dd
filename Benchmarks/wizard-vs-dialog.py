#!/usr/bin/env python3
"""Runs the rigger wizard and `dialog --inputbox` side by side in an 80x24 pseudo-terminal and
prints, from the same run: the time to the first complete frame, the instructions run until then
(counted by callgrind), the bytes of the first frame, the bytes written per printable keystroke in
a text field, for a Tab to the next field and for a change of page, and how soon a keystroke is
answered. Not a test: the times depend on the machine; compare the columns of one run.

Usage: Benchmarks/wizard-vs-dialog.py [RIGGER_BINARY] [RUNS]

Without RIGGER_BINARY it measures the binary that ships, built by `Scripts/release.sh build`.
rigger runs twice: reading no cluster (--offline), and reading a slow one, stand-in kubectl, helm
and gcloud that answer as the tests' recorded EKS cluster does, each call 3 s late
(Tests/RiggerCoreTests/Fixtures/cluster): probing must cost the first frame and the keystrokes
nothing. The programs take turns, run by run, so that a load on the machine weighs on all alike.

Instructions are counted where valgrind is installed, once per program (the count is the same
from run to run, whatever the load): rigger's up to the end of presenting its first frame, on a
copy of the same build with its symbols (the shipped binary has none), dialog's up to its first
read of a key. dialog's page is the next widget of `--and-widget`; its Tab moves to its OK button.
"""
import tempfile
import fcntl
import glob
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time

ROWS, COLUMNS = 24, 80
QUIET = 0.15  # seconds without output that end a frame


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    return pid, fd


def stop(pid, fd):
    os.kill(pid, 15)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def read_until_quiet(fd, marker=None, deadline=10.0):
    """Reads output until `marker` was seen and then nothing came for QUIET seconds."""
    data = b""
    start = time.monotonic()
    seen_at = None
    while time.monotonic() - start < deadline:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if seen_at is None and (marker is None or marker in data):
                seen_at = time.monotonic()
        elif seen_at is not None:
            break
    return data, (seen_at or time.monotonic()) - start


def first_frame(argv, marker, env):
    """Time until the marker is on the wire and the frame is complete, and its byte count."""
    pid, fd = spawn(argv, env)
    start = time.monotonic()
    data, elapsed = read_until_quiet(fd, marker)
    stop(pid, fd)
    return elapsed, len(data)


def keystroke_bytes(argv, marker, env, text="posthogexampledotcom"):
    """The mean bytes written per keystroke, and the median time until a keystroke is answered."""
    pid, fd = spawn(argv, env)
    read_until_quiet(fd, marker)
    sizes = []
    answered = []
    for character in text:
        os.write(fd, character.encode())
        data, elapsed = read_until_quiet(fd, None, deadline=2.0)
        sizes.append(len(data))
        answered.append(elapsed)
    stop(pid, fd)
    return statistics.mean(sizes), statistics.median(answered)


def page_and_tab_bytes(argv, marker, env):
    """The bytes written for Enter on the first page (the next page) and then for a Tab."""
    pid, fd = spawn(argv, env)
    read_until_quiet(fd, marker)
    sizes = []
    for key in (b"\r", b"\t"):
        os.write(fd, key)
        data, _ = read_until_quiet(fd, None, deadline=2.0)
        sizes.append(len(data))
    stop(pid, fd)
    return sizes


def instructions(argv, marker, env, triggers):
    """The instructions run until the first of callgrind's `triggers` (e.g. --dump-before=wgetch)
    fires, or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    folder = tempfile.mkdtemp(prefix="rigger-callgrind-")
    profile = os.path.join(folder, "callgrind.out")
    command = ["valgrind", "--tool=callgrind"] + triggers + [f"--callgrind-out-file={profile}.%p"] + argv
    pid, fd = spawn(command, env)
    # Under valgrind the program runs some fifty times slower.
    read_until_quiet(fd, marker, deadline=120.0)
    stop(pid, fd)
    parts = sorted(glob.glob(profile + ".*.1"))
    count = None
    if parts:
        with open(parts[0]) as part:
            count = next((int(line.split()[1]) for line in part if line.startswith("summary:")), None)
    shutil.rmtree(folder, ignore_errors=True)
    return count


def with_symbols(binary):
    """A copy of the build `binary` was stripped from, with its symbols and without its debug
    information (which this valgrind may not read), or None when there is no such build."""
    unstripped = os.path.join(os.path.dirname(os.path.dirname(binary)), "release", "rigger")
    if not os.path.exists(unstripped) or shutil.which("strip") is None:
        return None
    copy = os.path.join(tempfile.mkdtemp(prefix="rigger-symbols-"), "rigger")
    subprocess.run(["strip", "--strip-debug", "-o", copy, unstripped], check=True)
    return copy


def slow_cluster(root, delay="3"):
    """An environment whose PATH starts with stand-in kubectl, helm and gcloud that answer late."""
    fixtures = os.path.join(root, "Tests/RiggerCoreTests/Fixtures/cluster")
    folder = tempfile.mkdtemp(prefix="rigger-slow-cluster-")
    for tool in ("kubectl", "helm", "gcloud"):
        os.symlink(os.path.join(fixtures, "standin.sh"), os.path.join(folder, tool))
    return {
        "PATH": folder + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
        "RIGGER_STANDIN_FIXTURES": fixtures,
        "RIGGER_STANDIN_SCENARIO": "eks",
        "RIGGER_STANDIN_DELAY": delay,
    }


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    arguments = sys.argv[1:]
    # A number alone is RUNS, for the shipped binary.
    if arguments and not arguments[0].isdigit():
        rigger = arguments.pop(0)
    else:
        built = subprocess.run(["bash", os.path.join(root, "Scripts/release.sh"), "build"], check=True, stdout=subprocess.PIPE, text=True)
        rigger = built.stdout.strip().splitlines()[-1]
    runs = int(arguments[0]) if arguments else 10
    # The presets are the ones built in, as on a host with nothing but the binary.
    env = {key: value for key, value in os.environ.items() if key != "RIGGER_PRESETS"}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    slow = dict(env, **slow_cluster(root))
    # Each run starts in a folder of its own, so that no draft a stopped run left is offered.
    work = tempfile.mkdtemp(prefix="rigger-benchmark-")
    os.chdir(work)
    # rigger without --out opens on the output folder page, a text field; dialog's inputbox is one too.
    dialog = ["dialog", "--inputbox", "Hostname", "8", "40", "--and-widget", "--inputbox", "Email", "8", "40"]
    tools = {
        "rigger": ([rigger, "--offline", "--preset", "local"], b"Ctrl-C quit", env),
        "slow cluster": ([rigger, "--preset", "local"], b"Ctrl-C quit", slow),
        "dialog": (dialog, b"ancel", env),
    }
    print(f"{rigger}")
    print(f"{runs} runs each, taking turns, {ROWS}x{COLUMNS}, TERM=xterm-256color; 'slow cluster' is rigger reading a cluster that answers 3 s late")
    print(f"{'':32}" + "".join(f"{name:>14}" for name in tools))
    frames = {name: [] for name in tools}
    keys = {name: [] for name in tools}
    pages = {name: [] for name in tools}
    for run in range(runs):
        for name, (argv, marker, tool_env) in tools.items():
            frames[name].append(first_frame(argv, marker, tool_env))
            if run % 3 == 0:
                keys[name].append(keystroke_bytes(argv, marker, tool_env))
                pages[name].append(page_and_tab_bytes(argv, marker, tool_env))
            # A stopped wizard leaves its draft; the next run starts without it.
            for entry in os.listdir(work):
                shutil.rmtree(os.path.join(work, entry), ignore_errors=True)
    symbols = with_symbols(rigger)
    counted = {
        "rigger": instructions([symbols, "--offline", "--preset", "local"], b"Ctrl-C quit", env, ["--dump-after=*CursesTerminalC7present*"])
        if symbols else None,
        "slow cluster": None,
        "dialog": instructions(dialog, b"ancel", env, ["--dump-before=wgetch", "--dump-before=wget_wch"]),
    }
    results = {
        name: (
            statistics.median(t for t, _ in frames[name]) * 1000,
            counted[name] / 1e6 if counted[name] else float("nan"),
            statistics.median(b for _, b in frames[name]),
            statistics.mean(b for b, _ in keys[name]),
            statistics.median(p[0] for p in pages[name]),
            statistics.median(p[1] for p in pages[name]),
            statistics.median(t for _, t in keys[name]) * 1000,
        )
        for name in tools
    }
    # The first frame time includes QUIET seconds of waiting only after the marker, not before.
    labels = [
        "first frame (median ms)", "instructions to it (millions)", "first frame (bytes)", "bytes per keystroke (mean)",
        "bytes for the next page (median)", "bytes for a Tab (median)", "keystroke answered (median ms)",
    ]
    for index, label in enumerate(labels):
        print(f"{label:32}" + "".join(f"{results[name][index]:>14.1f}" for name in tools))
    ratio = results["rigger"][0] / results["dialog"][0]
    print(f"first frame, rigger / dialog: {ratio:.2f}x (target: at most 1.0x)")
    print(f"bytes per keystroke: rigger {results['rigger'][3]:.1f}, dialog {results['dialog'][3]:.1f} (target: rigger at most 8)")
    cluster_frame = results["slow cluster"][0] / results["rigger"][0]
    cluster_key = results["slow cluster"][6] / results["rigger"][6]
    print(f"with a cluster 3 s slow / reading none: first frame {cluster_frame:.2f}x, keystroke {cluster_key:.2f}x (target: about 1.0x)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
