#!/bin/sh
# Minifies wasm-bindgen's JS glue with esbuild (a trunk post_build hook, after short_names.py;
# see Trunk.toml). trunk's own minifier fails on the glue, so index.html leaves it to this.
set -eu
folder=${TRUNK_STAGING_DIR:-${1:-dist}}
for js in "$folder"/*.js; do
  [ "$(basename "$js")" = sw.js ] && continue
  esbuild "$js" --minify --log-level=warning --allow-overwrite --outfile="$js"
done
