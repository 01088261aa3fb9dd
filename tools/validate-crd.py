#!/usr/bin/env python3
"""Validates manifests against the schemas of CustomResourceDefinitions (PyPI's jsonschema).

Usage: validate-crd.py CRD_DIR MANIFEST...

Reads every CustomResourceDefinition in CRD_DIR (*.yaml), then checks each document of each
MANIFEST against the openAPIV3Schema of its kind at its apiVersion, which must be one the
definition serves. Prints "N documents valid" and exits 0, or prints each problem on stderr
(file, kind, name and jsonschema's message) and exits 1. A document whose kind no definition in
CRD_DIR names is a problem too, so that nothing passes unchecked.
"""
import glob
import os
import sys

import jsonschema
import yaml


def load_schemas(folder):
    schemas = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            for crd in yaml.safe_load_all(handle):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                spec = crd["spec"]
                for version in spec["versions"]:
                    key = (spec["group"] + "/" + version["name"], spec["names"]["kind"])
                    schemas[key] = (version.get("served", False), version["schema"]["openAPIV3Schema"])
    return schemas


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schemas = load_schemas(argv[1])
    problems, count = [], 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as handle:
            documents = [d for d in yaml.safe_load_all(handle) if d]
        for document in documents:
            count += 1
            key = (document.get("apiVersion"), document.get("kind"))
            name = (document.get("metadata") or {}).get("name", "?")
            found = schemas.get(key)
            if found is None:
                problems.append(f"{path}: {key[1]} {name}: no definition of {key[1]} at {key[0]}")
                continue
            served, schema = found
            if not served:
                problems.append(f"{path}: {key[1]} {name}: {key[0]} is not served")
                continue
            for error in jsonschema.Draft7Validator(schema).iter_errors(document):
                where = "/".join(str(part) for part in error.absolute_path) or "(document)"
                problems.append(f"{path}: {key[1]} {name}: {where}: {error.message}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{count} documents valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
