#!/bin/sh
# The command of the image (Dockerfile): one replica, on a read-only root
# (compose.yaml). The server writes to two folders only, each a volume of its
# own: .next/cache (its parse, search and photo caches) and
# .next/server/route-cache (Next's page cache). Compose keeps a container's
# anonymous volumes when it recreates it from a new image, so what another
# build wrote there (pages that load its scripts) is removed at the first start
# of this one, as a new container's own files would be; a restart keeps them.
# Two folders of .next/cache stay: the parses and their snapshot
# (kiosque-content) and the search index (kiosque-search) are named after the
# parser's fingerprint and never trusted by another parser, so a new image of
# the same parser starts from them instead of reading the whole archive again,
# and one of another parser prunes or rebuilds them.
# Runs in the image's WORKDIR, /app.
set -eu
build=$(cat .next/BUILD_ID)
for dir in .next/cache .next/server/route-cache; do
  if [ "$(cat "$dir/.kiosque-build" 2>/dev/null)" != "$build" ]; then
    find "$dir" -mindepth 1 -maxdepth 1 ! -name kiosque-content ! -name kiosque-search -exec rm -rf {} +
    printf '%s\n' "$build" >"$dir/.kiosque-build"
  fi
done
# V8 sizes its heap from the container's memory, about half of it by default:
# under 1 GB a 100,000-article archive (more than 512 MB of live heap) died of
# an exhausted heap at its first page. The heap may take 60 % of the limit; the
# rest is for what lives outside it (SQLite, sharp's decoding, buffers).
exec node --max-old-space-size-percentage=60 server.js
