#!/usr/bin/env python3
"""Prints every key path of a Helm chart's values.yaml, one dotted path per line, sorted.

rigger's tests check each key it writes against this list, so the list is derived once from
the chart's real values.yaml and committed as a test fixture:

    tools/derive-value-paths.py path/to/posthog/values.yaml \
        > Tests/RiggerCoreTests/Fixtures/posthog-30.46.0-value-paths.txt
"""
import sys

import yaml


def walk(node, prefix, out):
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out.add(path)
            walk(value, path, out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: derive-value-paths.py VALUES_YAML")
    with open(sys.argv[1], encoding="utf-8") as handle:
        values = yaml.safe_load(handle)
    paths = set()
    walk(values, "", paths)
    for path in sorted(paths):
        print(path)


if __name__ == "__main__":
    main()
