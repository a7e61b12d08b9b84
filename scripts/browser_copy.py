#!/usr/bin/env python3
"""Make browser-copied text fixtures: what a person gets by selecting a release in a browser
and copying it.

Loads each HTML file given in headless Chromium (through chromedriver's WebDriver HTTP API on
127.0.0.1, standard library only) and writes `document.body.innerText` -- the text the
clipboard holds for a select-all copy: table cells separated by tabs, rows by line breaks --
next to it as `<name>-browser-copy.txt`, or to the path given with `-o`.

    scripts/browser_copy.py tests/fixtures/NEG-buckle-FY2024Q3-edgar-ex99.htm \
        -o tests/fixtures/NEG-buckle-FY2024Q3-browser-copy.txt

The browser reaches no network: every host name resolves nowhere except 127.0.0.1.
"""
import argparse
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"{}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html", nargs="+")
    ap.add_argument("-o", "--output", help="output path (one input only)")
    args = ap.parse_args()
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as profile:
            caps = {"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": CHROMIUM,
                                       "args": FLAGS + [f"--user-data-dir={profile}"]},
            }}}
            session = call(base, "POST", "/session", caps)["value"]["sessionId"]
            try:
                for name in args.html:
                    path = pathlib.Path(name).resolve()
                    call(base, "POST", f"/session/{session}/url", {"url": path.as_uri()})
                    text = call(base, "POST", f"/session/{session}/execute/sync",
                                {"script": "return document.body.innerText;", "args": []})["value"]
                    out = pathlib.Path(args.output) if args.output else \
                        path.with_name(path.stem + "-browser-copy.txt")
                    out.write_text(text, encoding="utf-8")
                    print(f"{name} -> {out} ({len(text)} chars)")
            finally:
                call(base, "DELETE", f"/session/{session}")
    finally:
        driver.terminate()
        driver.wait()


if __name__ == "__main__":
    main()
