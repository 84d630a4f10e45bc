#!/bin/sh
# Removes from a standalone server (the folder holding server.js) every page,
# feed and sitemap `next build` prerendered: they hold the content of the build
# machine's folder, and an image must hold none. The server then renders each
# page from the mounted content folder at its first request, and caches it as
# usual (revalidated every 30 s, or at once by /api/revalidate).
#   deploy/strip-prerendered.sh .next/standalone [.next]   (the second argument: NEXT_DIST_DIR)
set -eu
app="$1/${2:-.next}/server/app"
[ -d "$app" ] || { echo "strip-prerendered: $app introuvable" >&2; exit 1; }
find "$app" -type f \( -name '*.html' -o -name '*.rsc' -o -name '*.meta' -o -name '*.body' \) -delete
find "$app" -depth -type d -name '*.segments' -exec rm -rf {} +
