#!/usr/bin/env python3
"""Writes the service worker into the built site (a trunk post_build hook, the last).

static/sw.js is the worker's source; the built copy, sw.js next to index.html, gets the list
of the site's files to keep (every file of the build but itself, as relative URLs, so the site
works from a sub-path) and a version, a hash of those files' names and contents. A new
deployment therefore always has a new worker, which replaces the old one and its cache.

Run after every step that changes a file (the steps before it rewrite index.html, the wasm and
the glue): the version and the kept files must be the ones the page will serve.
"""
import hashlib
import json
import os
import sys

WORKER = "sw.js"
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "static", WORKER)


def site_files(folder: str) -> list:
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if path != WORKER:
                found.append(path)
    return sorted(found)


def fill(template: str, placeholder: str, value: str) -> str:
    if template.count(placeholder) != 1:
        raise SystemExit("offline: %s must be in %s exactly once" % (placeholder, SOURCE))
    return template.replace(placeholder, value)


def main() -> int:
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    files = site_files(folder)
    if "index.html" not in files:
        raise SystemExit("offline: no index.html in %s" % folder)
    digest = hashlib.sha256()
    for path in files:
        with open(os.path.join(folder, path), "rb") as f:
            body = f.read()
        digest.update(path.encode() + b"\0" + str(len(body)).encode() + b"\0" + body)
    with open(SOURCE, encoding="utf-8") as f:
        worker = f.read()
    worker = fill(worker, '"__ASSAY_VERSION__"', json.dumps(digest.hexdigest()[:16]))
    worker = fill(worker, "__ASSAY_FILES__", json.dumps(files))
    with open(os.path.join(folder, WORKER), "w", encoding="utf-8") as f:
        f.write(worker)
    return 0


if __name__ == "__main__":
    sys.exit(main())
