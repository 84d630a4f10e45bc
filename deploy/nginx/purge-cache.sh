#!/bin/sh
# Removes from nginx's proxy cache every entry whose path matches one of the
# patterns that POST /api/revalidate answers with (`*` for any characters):
#
#   deploy/nginx/purge-cache.sh CACHE_DIR '/*' '/rss.xml' …
#   … or the patterns on standard input, one a line.
#
# nginx keeps each entry in a file whose header has a `KEY: <scheme>://<host><uri>`
# line (deploy/nginx/nginx.conf `proxy_cache_key`); a removed file is a miss on
# the next request. Runs where the cache is (the proxy's container), as its owner.
set -eu
# Patterns such as `/*` are not file names.
set -f
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 CACHE_DIR [PATTERN…] (patterns on stdin when none is given)" >&2
  exit 2
fi
cache_dir=$1
shift
if [ $# -eq 0 ]; then
  set -- $(cat)
fi
removed=0
for pattern in "$@"; do
  case $pattern in
    /*) ;;
    *) echo "purge-cache: « $pattern » n'est pas un chemin (il commence par /)" >&2; exit 2 ;;
  esac
  # Regular-expression characters taken literally, then `*` as any characters; the query string may follow.
  regex=$(printf '%s' "$pattern" | sed -e 's/[].[\\^$+?(){}|]/\\&/g' -e 's/\*/.*/g')
  files=$(grep -rlaE "^KEY: [a-z]+://[^/]*${regex}([?].*)?$" "$cache_dir" || true)
  for file in $files; do
    rm -f "$file"
    removed=$((removed + 1))
  done
done
echo "purge-cache: $removed entrée(s) retirée(s)"
