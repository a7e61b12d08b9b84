#!/usr/bin/env python3
"""Adds the Content-Security-Policy to the built index.html and series.html (a trunk
post_build hook, after integrity.py has finished series.html's file names; see Trunk.toml).

The policy lets the page run only its own script and wasm, and fetch only its own files (its
service worker and manifest included): pasted text cannot leave the page, and injected markup
could not run. trunk inlines a small module script that starts the wasm; its hash changes with
every build (it names the hashed files), so it is computed here rather than written by hand.
"""
import base64
import hashlib
import os
import re
import sys

POLICY = (
    "default-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; "
    "img-src 'self' data: blob:; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "manifest-src 'self'; "
    "base-uri 'none'; "
    "form-action 'none'"
)


SERIES_PAGE = "series.html"


def policy(html: str, page: str) -> str:
    """The policy, with the hashes of the page's inline scripts, added after its <meta
    charset>."""
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % POLICY.format(hashes=hashes)
    html, n = re.subn(r'(<meta charset="utf-8">)', r"\1\n  " + meta, html, count=1)
    if n != 1:
        raise SystemExit("csp: no <meta charset> in %s" % page)
    return html


def main() -> int:
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    # series.html (the series page) when the build has it: its inline script starts its app.
    for page in ("index.html", SERIES_PAGE):
        path = os.path.join(folder, page)
        if page == SERIES_PAGE and not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            html = f.read()
        if "Content-Security-Policy" in html:
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(policy(html, page))
    return 0


if __name__ == "__main__":
    sys.exit(main())
