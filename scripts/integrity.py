#!/usr/bin/env python3
"""Writes the integrity hashes of the wasm and its JS glue into the built index.html again (a
trunk post_build hook, after the steps that change those files; see Trunk.toml).

trunk hashes both files when it writes index.html, before short_names.py and minify_glue.sh
rewrite them; a browser refuses a file whose hash is not the one the page names.
"""
import base64
import hashlib
import os
import re
import sys


def sri(path: str) -> str:
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


def main() -> int:
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(folder, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    files = [n for n in os.listdir(folder) if n.endswith((".js", ".wasm")) and n != "sw.js"]
    for file in sorted(files):
        html, n = re.subn(
            r'(href="\./%s"[^>]*\bintegrity=")[^"]*(")' % re.escape(file),
            r"\g<1>%s\2" % sri(os.path.join(folder, file)),
            html,
        )
        if n != 1:
            raise SystemExit("integrity: no integrity for %s in index.html" % file)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
