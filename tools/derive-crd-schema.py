#!/usr/bin/env python3
"""Writes the openAPIV3Schema of one version of a CustomResourceDefinition as compact JSON, its
descriptions left out, for tests that validate what rigger writes without the CRD beside them.

Usage: derive-crd-schema.py CRD_YAML VERSION OUTPUT_JSON
"""
import json
import sys

import yaml


def strip(node):
    if isinstance(node, dict):
        return {key: strip(value) for key, value in node.items() if key != "description"}
    if isinstance(node, list):
        return [strip(value) for value in node]
    return node


def main() -> int:
    crd_path, version, output = sys.argv[1:4]
    with open(crd_path, encoding="utf-8") as handle:
        crd = yaml.safe_load(handle)
    for entry in crd["spec"]["versions"]:
        if entry["name"] == version:
            schema = strip(entry["schema"]["openAPIV3Schema"])
            with open(output, "w", encoding="utf-8") as handle:
                json.dump({"crd": crd["metadata"]["name"], "version": version,
                           "bundleVersion": crd["metadata"].get("annotations", {}).get("gateway.networking.k8s.io/bundle-version"),
                           "schema": schema}, handle, sort_keys=True, separators=(",", ":"))
                handle.write("\n")
            return 0
    print(f"{crd_path} has no version {version}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
