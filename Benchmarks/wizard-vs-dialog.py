#!/usr/bin/env python3
"""Runs the rigger wizard and `dialog --inputbox` side by side in an 80x24 pseudo-terminal and
prints, from the same run: the time to the first complete frame, the bytes of the first frame,
the bytes written per printable keystroke in a text field and how soon a keystroke is answered.
Not a test: the figures depend on the machine; compare the columns of one run.

Usage: Benchmarks/wizard-vs-dialog.py [RIGGER_BINARY] [RUNS]

Without RIGGER_BINARY it measures the binary that ships, built by `Scripts/release.sh build`.
rigger runs twice: reading no cluster (--offline), and reading a slow one, stand-in kubectl, helm
and gcloud that answer as the tests' recorded EKS cluster does, each call 3 s late
(Tests/RiggerCoreTests/Fixtures/cluster): probing must cost the first frame and the keystrokes
nothing. The programs take turns, run by run, so that a load on the machine weighs on all alike.
"""
import tempfile
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
    os.kill(pid, 15)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    return statistics.mean(sizes), statistics.median(answered)


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
    # rigger without --out opens on the output folder page, a text field; dialog's inputbox is one too.
    tools = {
        "rigger": ([rigger, "--offline", "--preset", "local"], b"Ctrl-C quit", env),
        "slow cluster": ([rigger, "--preset", "local"], b"Ctrl-C quit", slow),
        "dialog": (["dialog", "--inputbox", "Hostname", "8", "40"], b"ancel", env),
    }
    print(f"{rigger}")
    print(f"{runs} runs each, taking turns, {ROWS}x{COLUMNS}, TERM=xterm-256color; 'slow cluster' is rigger reading a cluster that answers 3 s late")
    print(f"{'':32}" + "".join(f"{name:>14}" for name in tools))
    frames = {name: [] for name in tools}
    keys = {name: [] for name in tools}
    for run in range(runs):
        for name, (argv, marker, tool_env) in tools.items():
            frames[name].append(first_frame(argv, marker, tool_env))
            if run % 3 == 0:
                keys[name].append(keystroke_bytes(argv, marker, tool_env))
    results = {
        name: (
            statistics.median(t for t, _ in frames[name]) * 1000,
            statistics.median(b for _, b in frames[name]),
            statistics.mean(b for b, _ in keys[name]),
            statistics.median(t for _, t in keys[name]) * 1000,
        )
        for name in tools
    }
    # The first frame time includes QUIET seconds of waiting only after the marker, not before.
    labels = ["first frame (median ms)", "first frame (bytes)", "bytes per keystroke (mean)", "keystroke answered (median ms)"]
    for index, label in enumerate(labels):
        print(f"{label:32}" + "".join(f"{results[name][index]:>14.1f}" for name in tools))
    ratio = results["rigger"][0] / results["dialog"][0]
    print(f"first frame, rigger / dialog: {ratio:.2f}x (target: at most 1.3x; the aim: below 1.0x)")
    print(f"bytes per keystroke: rigger {results['rigger'][2]:.1f}, dialog {results['dialog'][2]:.1f} (target: rigger no more)")
    cluster_frame = results["slow cluster"][0] / results["rigger"][0]
    cluster_key = results["slow cluster"][3] / results["rigger"][3]
    print(f"with a cluster 3 s slow / reading none: first frame {cluster_frame:.2f}x, keystroke {cluster_key:.2f}x (target: about 1.0x)")


if __name__ == "__main__":
    main()
