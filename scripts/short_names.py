#!/usr/bin/env python3
"""Gives the wasm's imports and wasm-bindgen's exports short names, in the wasm and in its JS
glue (a trunk post_build hook, the first; see Trunk.toml). It saves 5.8 KB of the first load
(gzipped, wasm-bindgen 0.2.130).

BE ADVISED: this leans on wasm-bindgen's private naming, which no release promises to keep:
every import is a function named `__wbg_<name>_<16 hex digits>` (or `__wbindgen_…`) under one
module, which the glue names once as a quoted string and each function once as the key that
defines it; the exports it renames start `__wbindgen_`, `__externref_` or `wasm_bindgen__` and
the glue reads them as `.name` on the instance's exports, never in a string. Every one of those
assumptions is checked, and the script exits with an error naming the one that failed, so a
wasm-bindgen update that changes the glue fails the build instead of shipping a page that does
not start. `--check DIR` runs the same rewriting on a copy of DIR's files, touching nothing:
`scripts/size-budget.sh` runs it on trunk's unshrunk wasm-bindgen output, so `make test` fails
loudly too.
"""
import itertools
import os
import re
import sys


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


def fail(why: str):
    raise SystemExit("short_names: %s (has wasm-bindgen changed its glue?)" % why)


# wasm-bindgen's own exports, which the glue reads as properties of the instance's exports
# (`wasm.<name>`; its local wrappers of the same name are left to esbuild); `memory`, `main`
# and the rest keep their names.
RENAMED_EXPORTS = ("__wbindgen_", "__externref_", "wasm_bindgen__")


def shorten(wasm: bytes, js: str) -> tuple:
    """The wasm and the glue with every function import, and wasm-bindgen's exports, renamed."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        fail("not a wasm module")
    out, i, names = bytearray(wasm[:8]), 8, short_names()
    imports = exports = 0
    while i < len(wasm):
        sid = wasm[i]
        size, body = uleb(wasm, i + 1)
        end = body + size
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
                    fail("an import that is not a function: %s" % field)
                _, k = uleb(wasm, j + 1)
                desc = wasm[j:k]
                j = k
                if module not in modules:
                    modules.add(module)
                    if len(modules) > 1:
                        fail("imports from more than one module")
                    quoted = '"%s"' % module.decode()
                    if js.count(quoted) != 1:
                        fail("the glue names module %s %d times, not once" % (quoted, js.count(quoted)))
                    js = js.replace(quoted, '"a"')
                short = next(names)
                js, hits = re.subn(r"\b%s\b" % re.escape(field), short, js)
                if hits != 1:
                    fail("import %s is named %d times in the glue, not once" % (field, hits))
                imports += 1
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
                if field.startswith(RENAMED_EXPORTS):
                    if re.search(r"[\"'`]%s\b" % re.escape(field), js):
                        fail("the glue names export %s in a string" % field)
                    short = next(names)
                    js, hits = re.subn(r"\.%s\b" % re.escape(field), "." + short, js)
                    if hits == 0:
                        fail("the glue does not read export %s as wasm.%s" % (field, field))
                    exports += 1
                    field = short
                section += name(field.encode()) + desc
            out += bytes([7]) + leb(len(section)) + section
            i = end
            continue
        out += wasm[i:end]
        i = end
    if imports == 0:
        fail("the wasm imports nothing")
    if exports == 0:
        fail("no export named %s…" % "…, ".join(RENAMED_EXPORTS))
    # What is left of wasm-bindgen's import names can only be the glue's own locals; one
    # still read from the instance's exports would be an export missed above.
    left = re.findall(r"\.(?:%s)\w*" % "|".join(RENAMED_EXPORTS), js)
    if left:
        fail("the glue still reads %s" % ", ".join(sorted(set(left))))
    return bytes(out), js


# The series page's files (series.html's app and its Web Worker's) and the PDF reader's Web
# Worker are not the main page's: their imports keep wasm-bindgen's names
# (scripts/integrity.py names those files by their hash).
SERIES_FILES = ("assay-worker", "assay-series-web", "assay-pdf")


def site_files(folder: str) -> tuple:
    files = [n for n in os.listdir(folder) if not n.startswith(SERIES_FILES)]
    js = [n for n in files if n.endswith(".js") and n != "sw.js"]
    wasm = [n for n in files if n.endswith(".wasm")]
    if len(js) != 1 or len(wasm) != 1:
        raise SystemExit("short_names: %s must hold one .js and one .wasm" % folder)
    return os.path.join(folder, js[0]), os.path.join(folder, wasm[0])


def rewrite(folder: str):
    js_path, wasm_path = site_files(folder)
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    with open(js_path, encoding="utf-8") as f:
        js = f.read()
    wasm, js = shorten(wasm, js)
    with open(wasm_path, "wb") as f:
        f.write(wasm)
    with open(js_path, "w", encoding="utf-8") as f:
        f.write(js)


def main() -> int:
    if sys.argv[1:2] == ["--check"]:
        js_path, wasm_path = site_files(sys.argv[2])
        with open(wasm_path, "rb") as f, open(js_path, encoding="utf-8") as g:
            shorten(f.read(), g.read())
        print("short_names: %s renames cleanly" % sys.argv[2])
        return 0
    rewrite(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
