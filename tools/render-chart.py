#!/usr/bin/env python3
"""Renders a Helm chart with a values file through the real Helm library (helm-python-sdk).

Usage: render-chart.py CHART_DIR VALUES_FILE RELEASE NAMESPACE [POST_RENDERER]

Prints one JSON object: {"documents": [{"template": path, "object": {...}}, ...]} on success, or
{"error": "..."} with exit code 1 when Helm refuses to render. Manifests are split the way Helm
splits them, so a template that starts with '---' directly followed by text still parses. With
POST_RENDERER, every manifest goes through that executable as `helm --post-renderer` would send it.
"""
import json
import re
import subprocess
import sys

import helm_python
import yaml

# Helm's own separator (pkg/releaseutil): '---' at the start of a line, after optional whitespace.
SEPARATOR = re.compile(r"(?:^|\s*\n)---\s*")


def main() -> int:
    chart_dir, values_file, release, namespace = sys.argv[1:5]
    with open(values_file, encoding="utf-8") as handle:
        values = yaml.safe_load(handle) or {}
    try:
        chart = helm_python.Chart.load(chart_dir)
        files = chart.render(values, name=release, namespace=namespace, is_install=True)
    except helm_python.HelmError as error:
        print(json.dumps({"error": str(error)}))
        return 1
    pieces = []
    for template in sorted(files):
        if not template.endswith((".yaml", ".yml")):
            continue
        pieces += [(template, text) for text in SEPARATOR.split(files[template]) if text.strip()]
    if len(sys.argv) > 5:
        # Helm hands a post-renderer the whole release as one stream and reads one back; the
        # template names are lost on the way, as they are in Helm.
        stream = "".join(f"---\n{text.strip()}\n" for _, text in pieces)
        done = subprocess.run([sys.argv[5]], input=stream, capture_output=True, text=True)
        if done.returncode != 0:
            print(json.dumps({"error": f"post-renderer {sys.argv[5]} failed: {done.stderr.strip()}"}))
            return 1
        pieces = [("post-rendered", text) for text in SEPARATOR.split(done.stdout) if text.strip()]
    documents = []
    for template, text in pieces:
        try:
            parsed = yaml.safe_load(text)
        except yaml.YAMLError as error:
            print(json.dumps({"error": f"{template}: the rendered YAML does not parse: {error}"}))
            return 1
        if isinstance(parsed, dict):
            documents.append({"template": template, "object": parsed})
    print(json.dumps({"documents": documents}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
