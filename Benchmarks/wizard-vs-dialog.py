#!/usr/bin/env python3
"""Runs the rigger wizard and `dialog --inputbox` side by side in an 80x24 pseudo-terminal and
prints, from the same run: the time to the first complete frame, the bytes of the first frame,
and the bytes written per printable keystroke in a text field. Not a test: the figures depend on
the machine; compare the two columns of one run.

Usage: Benchmarks/wizard-vs-dialog.py [RIGGER_BINARY] [RUNS]

Without RIGGER_BINARY it measures the binary that ships, built by `Scripts/release.sh build`.
The two programs take turns, run by run, so that a load on the machine weighs on both alike.
"""
import fcntl
import os
import pty
import select
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
    os.kill(pid, 15)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    return elapsed, len(data)


def keystroke_bytes(argv, marker, env, text="posthogexampledotcom"):
    pid, fd = spawn(argv, env)
    read_until_quiet(fd, marker)
    sizes = []
    for character in text:
        os.write(fd, character.encode())
        data, _ = read_until_quiet(fd, None, deadline=2.0)
        sizes.append(len(data))
    os.kill(pid, 15)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    return statistics.mean(sizes)


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
    # rigger without --out opens on the output folder page, a text field; dialog's inputbox is one too.
    tools = {
        "rigger": ([rigger, "--preset", "local"], b"Ctrl-C quit"),
        "dialog": (["dialog", "--inputbox", "Hostname", "8", "40"], b"ancel"),
    }
    print(f"{rigger}")
    print(f"{runs} runs each, taking turns, {ROWS}x{COLUMNS}, TERM=xterm-256color")
    print(f"{'':32}{'rigger':>12}{'dialog':>12}")
    frames = {name: [] for name in tools}
    keys = {name: [] for name in tools}
    for run in range(runs):
        for name, (argv, marker) in tools.items():
            frames[name].append(first_frame(argv, marker, env))
            if run % 3 == 0:
                keys[name].append(keystroke_bytes(argv, marker, env))
    results = {
        name: (
            statistics.median(t for t, _ in frames[name]) * 1000,
            statistics.median(b for _, b in frames[name]),
            statistics.mean(keys[name]),
        )
        for name in tools
    }
    # The first frame time includes QUIET seconds of waiting only after the marker, not before.
    labels = ["first frame (median ms)", "first frame (bytes)", "bytes per keystroke (mean)"]
    for index, label in enumerate(labels):
        print(f"{label:32}{results['rigger'][index]:>12.1f}{results['dialog'][index]:>12.1f}")
    ratio = results["rigger"][0] / results["dialog"][0]
    print(f"first frame, rigger / dialog: {ratio:.2f}x (target: at most 1.3x; the aim: below 1.0x)")
    print(f"bytes per keystroke: rigger {results['rigger'][2]:.1f}, dialog {results['dialog'][2]:.1f} (target: rigger no more)")


if __name__ == "__main__":
    main()
