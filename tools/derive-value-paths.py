#!/usr/bin/env python3
"""Prints every key path of a Helm chart's values.yaml, one dotted path per line, sorted.

rigger's tests check each key it writes against this list, so the list is derived once from
the chart's real values and committed as a test fixture:

    tools/derive-value-paths.py path/to/posthog/values.yaml \
        > Tests/RiggerCoreTests/Fixtures/posthog-30.46.0-value-paths.txt

A subchart packed as NAME-VERSION.tgz is read from the archive, its paths under PREFIX (the
key the parent chart passes its values under):

    tools/derive-value-paths.py --prefix redis path/to/posthog/charts/redis-16.8.9.tgz
"""
import argparse
import tarfile

import yaml


def walk(node, prefix, out):
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out.add(path)
            walk(value, path, out)


def load(source):
    if source.endswith(".tgz"):
        with tarfile.open(source) as archive:
            # The chart's own values.yaml sits one folder deep: NAME/values.yaml.
            member = next(m for m in archive.getmembers() if m.name.count("/") == 1 and m.name.endswith("/values.yaml"))
            return yaml.safe_load(archive.extractfile(member))
    with open(source, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default="", help="the key the parent chart passes the subchart's values under")
    parser.add_argument("source", help="a values.yaml, or a subchart's .tgz")
    arguments = parser.parse_args()
    paths = set()
    walk(load(arguments.source), arguments.prefix, paths)
    for path in sorted(paths):
        print(path)


if __name__ == "__main__":
    main()
