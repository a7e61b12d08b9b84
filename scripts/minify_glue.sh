#!/bin/sh
# Minifies wasm-bindgen's JS glue with esbuild (a trunk post_build hook, after short_names.py;
# see Trunk.toml). trunk's own minifier fails on the glue, so index.html leaves it to this.
set -eu
folder=${TRUNK_STAGING_DIR:-${1:-dist}}
for js in "$folder"/*.js; do
  # The Web Workers (the series page's and the PDF reader's) keep their glue and loader as
  # wasm-bindgen and trunk wrote them (their classic-script glue defines the global their
  # loader calls); the series page's own ES-module glue is minified like the main page's.
  case "$(basename "$js")" in sw.js|assay-worker*|assay-pdf*) continue ;; esac
  esbuild "$js" --minify --log-level=warning --allow-overwrite --outfile="$js"
done
