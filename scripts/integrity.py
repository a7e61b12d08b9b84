#!/usr/bin/env python3
"""Writes the integrity hashes of the wasm and its JS glue into the built index.html again (a
trunk post_build hook, after the steps that change those files; see Trunk.toml).

trunk hashes both files when it writes index.html, before short_names.py and minify_glue.sh
rewrite them; a browser refuses a file whose hash is not the one the page names.

It also finishes series.html (the series page, which trunk copies as written): the
stylesheet's built name from index.html, and the series app's and its Web Worker's files
renamed by a hash of their finished contents, so a new build is never half served from a
browser's cache. csp.py adds both pages' policies after this.
"""
import base64
import hashlib
import os
import re
import sys


def sri(path: str) -> str:
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


# The series page's files (series.html's wasm and glue, and its Web Worker's) are not the
# main page's: index.html does not name them, and they are named by their hash here.
WORKER = "assay-worker"
SERIES = "assay-series-web"
SERIES_PAGE = "series.html"


def hashed(folder: str, old: str, stem: str) -> str:
    """Renames a file of the build to `<stem>-<16 hex digits of its sha256>…`; its new name."""
    with open(os.path.join(folder, old), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    new = old.replace(stem, "%s-%s" % (stem, digest), 1)
    os.rename(os.path.join(folder, old), os.path.join(folder, new))
    return new


def rename(text: str, where: str, old: str, new: str) -> str:
    if text.count('"./%s"' % old) != 1:
        raise SystemExit("integrity: %s does not name ./%s once" % (where, old))
    return text.replace('"./%s"' % old, '"./%s"' % new)


def series_page(folder: str, index: str) -> None:
    """series.html: the stylesheet's built name from index.html, and the series app's glue
    and wasm renamed by their hash, and its Web Worker's loader, glue and wasm."""
    path = os.path.join(folder, SERIES_PAGE)
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if '"./%s.js"' % SERIES not in html:
        return  # finished by an earlier run
    (css,) = re.findall(r'<link rel="stylesheet" href="\./([^"]+\.css)"', index)
    html = html.replace('href="./style.css"', 'href="./%s"' % css)
    for old in (SERIES + ".js", SERIES + "_bg.wasm"):
        html = rename(html, SERIES_PAGE, old, hashed(folder, old, SERIES))
    # The worker's files too: a page of a new build must never start an old build's worker
    # (an old service worker answers a name it kept, and a browser's cache may). Its loader
    # names its glue and wasm; the page finds the loader in its <meta name="assay-worker">.
    loader_path = os.path.join(folder, WORKER + "_loader.js")
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    for old in (WORKER + ".js", WORKER + "_bg.wasm"):
        loader = rename(loader, WORKER + "_loader.js", old, hashed(folder, old, WORKER))
    with open(loader_path, "w", encoding="utf-8") as f:
        f.write(loader)
    html = rename(html, SERIES_PAGE, WORKER + "_loader.js", hashed(folder, WORKER + "_loader.js", WORKER))
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


def main() -> int:
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(folder, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    files = [
        n
        for n in os.listdir(folder)
        if n.endswith((".js", ".wasm")) and n != "sw.js" and not n.startswith((WORKER, SERIES))
    ]
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
    series_page(folder, html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
