#!/usr/bin/env python3
"""Validates YAML documents of one kind against a schema that derive-crd-schema.py wrote.

Usage: validate-schema.py SCHEMA_JSON KIND MANIFEST_YAML...

Prints one line per document of KIND that the schema refuses (file, name, path, message) and exits
1 when there is one, 0 otherwise; the count of documents checked goes to standard error.
"""
import json
import sys

import jsonschema
import yaml


def main() -> int:
    schema_path, kind = sys.argv[1:3]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)["schema"]
    validator = jsonschema.Draft7Validator(schema)
    checked, failures = 0, 0
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as handle:
            for document in yaml.safe_load_all(handle):
                if not isinstance(document, dict) or document.get("kind") != kind:
                    continue
                checked += 1
                name = document.get("metadata", {}).get("name", "?")
                for error in validator.iter_errors(document):
                    failures += 1
                    where = "/".join(str(part) for part in error.absolute_path)
                    print(f"{path}: {kind} {name}: {where}: {error.message}")
    print(f"checked {checked} {kind} documents", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
