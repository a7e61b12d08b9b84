#!/usr/bin/env python3
"""Writes the integrity hashes of the wasm and its JS glue into the built index.html again (a
trunk post_build hook, after the steps that change those files; see Trunk.toml).

trunk hashes both files when it writes index.html, before short_names.py and minify_glue.sh
rewrite them; a browser refuses a file whose hash is not the one the page names.

It also names the main page's Web Workers' files by their hash (the PDF reader's, started when
a PDF is opened, and the reading worker's, started for a JSON download and by the series
page) and tells the page each loader's name in a <meta name="assay-pdf"> or
<meta name="assay-worker">.

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


# The series page's files (series.html's wasm and glue, and the reading worker's, which the
# main page also starts) are not in the main page's first load: index.html does not link them,
# and they are named by their hash here.
WORKER = "assay-worker"
SERIES = "assay-series-web"
SERIES_PAGE = "series.html"
# The PDF reader's Web Worker, started by the main page only when a PDF is opened.
PDF = "assay-pdf"


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


def worker_files(folder: str, stem: str) -> str:
    """Renames a Web Worker's glue and wasm, and then its loader (rewritten to name them), by
    their hash, so a page of a new build never starts an old build's worker (an old service
    worker answers a name it kept, and a browser's cache may). The loader's new name."""
    loader_path = os.path.join(folder, stem + "_loader.js")
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    for old in (stem + ".js", stem + "_bg.wasm"):
        loader = rename(loader, stem + "_loader.js", old, hashed(folder, old, stem))
    with open(loader_path, "w", encoding="utf-8") as f:
        f.write(loader)
    return hashed(folder, stem + "_loader.js", stem)


def main_page_worker(folder: str, index: str, stem: str):
    """A Web Worker the main page starts: its files named by their hash, and its loader's name
    in index.html. The page and its new loader name (None if an earlier run finished it)."""
    loader_path = os.path.join(folder, stem + "_loader.js")
    if not os.path.exists(loader_path):
        return index, None  # finished by an earlier run
    # trunk's loader starts the wasm and drops a failure to load it (a rejected promise, which
    # a worker does not report to its page): thrown again from a timer, it is an `error`
    # event on the page's Worker, and the page says the worker could not start.
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    loader, n = re.subn(r"(wasm_bindgen\([^()]*\));?\s*$", r"\1.catch(e => setTimeout(() => { throw e; }));", loader)
    if n != 1:
        raise SystemExit("integrity: %s_loader.js does not end by starting its wasm" % stem)
    with open(loader_path, "w", encoding="utf-8") as f:
        f.write(loader)
    name = worker_files(folder, stem)
    meta = '<meta name="%s" content="./%s">' % (stem, name)
    index, n = re.subn(r"(<meta charset=\"utf-8\">)", r"\1\n  " + meta, index, count=1)
    if n != 1:
        raise SystemExit("integrity: no <meta charset> in index.html")
    return index, name


def series_page(folder: str, index: str, worker, pdf) -> None:
    """series.html: the stylesheet's built name from index.html, and the series app's glue
    and wasm renamed by their hash, and the loaders of the reading worker (`worker`) and of
    the PDF reader (`pdf`), named by their hash for the main page."""
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
    # The page finds the worker's loader in its <meta name="assay-worker">.
    html = rename(html, SERIES_PAGE, WORKER + "_loader.js", worker)
    # The PDF reader, which reads a PDF among the files, as on the main page.
    meta = '<meta name="%s" content="./%s">' % (PDF, pdf)
    html, n = re.subn(r"(<meta charset=\"utf-8\">)", r"\1\n  " + meta, html, count=1)
    if n != 1:
        raise SystemExit("integrity: no <meta charset> in %s" % SERIES_PAGE)
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
        if n.endswith((".js", ".wasm")) and n != "sw.js" and not n.startswith((WORKER, SERIES, PDF))
    ]
    for file in sorted(files):
        html, n = re.subn(
            r'(href="\./%s"[^>]*\bintegrity=")[^"]*(")' % re.escape(file),
            r"\g<1>%s\2" % sri(os.path.join(folder, file)),
            html,
        )
        if n != 1:
            raise SystemExit("integrity: no integrity for %s in index.html" % file)
    html, pdf = main_page_worker(folder, html, PDF)
    html, worker = main_page_worker(folder, html, WORKER)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    series_page(folder, html, worker, pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
