#!/usr/bin/env python3
"""Shrinks the wasm and its JS glue and adds the Content-Security-Policy to the built
index.html (a trunk post_build hook).

The wasm's imports get short names in both files (wasm-bindgen names each `__wbg_<name>_<16
hex digits>`, under a module named after the glue file), its tooling sections (producers,
target_features) are dropped, the JS glue is minified with esbuild (trunk's minifier fails
on it), and the integrity hashes trunk wrote for both files in index.html are recomputed.

The policy lets the page run only its own script and wasm, and fetch only its own files (its
service worker and manifest included):
pasted text cannot leave the page, and injected markup could not run. trunk inlines a small
module script that starts the wasm; its hash changes with every build (it names the hashed
files), so it is computed here rather than written by hand.
"""
import base64
import hashlib
import itertools
import os
import re
import subprocess
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


def uleb(b: bytes, i: int) -> tuple:
    r = shift = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return r, i


def leb(n: int) -> bytes:
    out = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def name(s: bytes) -> bytes:
    return leb(len(s)) + s


def short_names():
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for n in itertools.count(1):
        for t in itertools.product(letters, repeat=n):
            yield "".join(t)


def shorten_imports(wasm: bytes, js: str) -> tuple:
    """Renames every function import, and wasm-bindgen's exports, to short names in the wasm
    and in the glue, and drops the custom sections the browser does not read."""
    assert wasm[:8] == b"\0asm\x01\0\0\0", "csp: not a wasm module"
    out, i, names = bytearray(wasm[:8]), 8, short_names()
    while i < len(wasm):
        sid = wasm[i]
        size, body = uleb(wasm, i + 1)
        end = body + size
        if sid == 0:
            n, j = uleb(wasm, body)
            if wasm[j : j + n] in (b"producers", b"target_features"):
                i = end
                continue
        if sid == 2:
            count, j = uleb(wasm, body)
            section, modules = bytearray(leb(count)), set()
            for _ in range(count):
                n, j = uleb(wasm, j)
                module = wasm[j : j + n]
                j += n
                n, j = uleb(wasm, j)
                field = wasm[j : j + n].decode()
                j += n
                if wasm[j] != 0:
                    raise SystemExit("csp: an import that is not a function")
                _, k = uleb(wasm, j + 1)
                desc = wasm[j:k]
                j = k
                if module not in modules:
                    modules.add(module)
                    if len(modules) > 1:
                        raise SystemExit("csp: imports from more than one module")
                    quoted = '"%s"' % module.decode()
                    if js.count(quoted) != 1:
                        raise SystemExit("csp: the glue names module %s other than once" % quoted)
                    js = js.replace(quoted, '"a"')
                short = next(names)
                js, hits = re.subn(r"\b%s\b" % re.escape(field), short, js)
                if hits != 1:
                    raise SystemExit("csp: %s is named %d times in the glue" % (field, hits))
                section += name(b"a") + name(short.encode()) + desc
            out += bytes([2]) + leb(len(section)) + section
            i = end
            continue
        if sid == 7:
            count, j = uleb(wasm, body)
            section = bytearray(leb(count))
            for _ in range(count):
                n, j = uleb(wasm, j)
                field = wasm[j : j + n].decode()
                j += n
                _, k = uleb(wasm, j + 1)
                desc = wasm[j:k]
                j = k
                # wasm-bindgen's own exports, which the glue reads as properties of the
                # instance's exports (`wasm.<name>`; its local wrappers of the same name are
                # left to esbuild); `memory`, `main` and the rest keep their names.
                if field.startswith(("__wbindgen_", "__externref_", "wasm_bindgen__")):
                    if re.search(r"[\"'`]%s\b" % re.escape(field), js):
                        raise SystemExit("csp: the glue names %s in a string" % field)
                    short = next(names)
                    js, hits = re.subn(r"\.%s\b" % re.escape(field), "." + short, js)
                    if hits == 0:
                        raise SystemExit("csp: the glue does not read %s" % field)
                    field = short
                section += name(field.encode()) + desc
            out += bytes([7]) + leb(len(section)) + section
            i = end
            continue
        out += wasm[i:end]
        i = end
    return bytes(out), js


def sri(path: str) -> str:
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


# The series page's files (series.html's wasm and glue, and its Web Worker's) are not the
# main page's: they keep their glue, and are named by their hash here (`series_page`).
WORKER = "assay-worker"
SERIES = "assay-series-web"
SERIES_PAGE = "series.html"


def shrink(folder: str, html: str) -> str:
    files = [n for n in os.listdir(folder) if not n.startswith((WORKER, SERIES))]
    (js_name,) = [n for n in files if n.endswith(".js")]
    (wasm_name,) = [n for n in files if n.endswith(".wasm")]
    js_path, wasm_path = os.path.join(folder, js_name), os.path.join(folder, wasm_name)
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    with open(js_path, encoding="utf-8") as f:
        js = f.read()
    wasm, js = shorten_imports(wasm, js)
    with open(wasm_path, "wb") as f:
        f.write(wasm)
    with open(js_path, "w", encoding="utf-8") as f:
        f.write(js)
    subprocess.run(
        ["esbuild", js_path, "--minify", "--log-level=warning", "--allow-overwrite", "--outfile=" + js_path],
        check=True,
    )
    for file in (js_name, wasm_name):
        html, n = re.subn(
            r'(href="\./%s"[^>]*\bintegrity=")[^"]*(")' % re.escape(file),
            r"\g<1>%s\2" % sri(os.path.join(folder, file)),
            html,
        )
        if n != 1:
            raise SystemExit("csp: no integrity for %s in index.html" % file)
    return html


def policy(html: str, page: str) -> str:
    """The Content-Security-Policy, with the hashes of the page's inline scripts, added after
    its <meta charset>."""
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


def series_page(folder: str, index: str) -> None:
    """series.html (copied as written): the stylesheet's built name from index.html, the
    series app's glue minified, its glue and wasm renamed by their hash (a new build is never
    half served from a browser's cache), and the policy."""
    path = os.path.join(folder, SERIES_PAGE)
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        html = f.read()
    (css,) = re.findall(r'<link rel="stylesheet" href="\./([^"]+\.css)"', index)
    html = html.replace('href="./style.css"', 'href="./%s"' % css)
    js_path = os.path.join(folder, SERIES + ".js")
    subprocess.run(
        ["esbuild", js_path, "--minify", "--log-level=warning", "--allow-overwrite", "--outfile=" + js_path],
        check=True,
    )
    def hashed(old: str, stem: str) -> str:
        with open(os.path.join(folder, old), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        new = old.replace(stem, "%s-%s" % (stem, digest), 1)
        os.rename(os.path.join(folder, old), os.path.join(folder, new))
        return new

    def rename(text: str, where: str, old: str, new: str) -> str:
        if text.count('"./%s"' % old) != 1:
            raise SystemExit("csp: %s does not name ./%s once" % (where, old))
        return text.replace('"./%s"' % old, '"./%s"' % new)

    for old in (SERIES + ".js", SERIES + "_bg.wasm"):
        html = rename(html, SERIES_PAGE, old, hashed(old, SERIES))
    # The worker's files too: a page of a new build must never start an old build's worker
    # (an old service worker answers a name it kept, and a browser's cache may). Its loader
    # names its glue and wasm; the page finds the loader in its <meta name="assay-worker">.
    loader_path = os.path.join(folder, WORKER + "_loader.js")
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    for old in (WORKER + ".js", WORKER + "_bg.wasm"):
        loader = rename(loader, WORKER + "_loader.js", old, hashed(old, WORKER))
    with open(loader_path, "w", encoding="utf-8") as f:
        f.write(loader)
    html = rename(html, SERIES_PAGE, WORKER + "_loader.js", hashed(WORKER + "_loader.js", WORKER))
    with open(path, "w", encoding="utf-8") as f:
        f.write(policy(html, SERIES_PAGE))


def main() -> int:
    folder = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(folder, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if "Content-Security-Policy" in html:
        return 0
    html = shrink(folder, html)
    series_page(folder, html)
    html = policy(html, "index.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
