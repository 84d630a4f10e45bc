#!/bin/sh
# Removes from nginx's proxy cache every entry whose path matches one of the
# patterns that POST /api/revalidate answers with (`*` for any characters):
#
#   deploy/nginx/purge-cache.sh CACHE_DIR '/*' '/rss.xml' …
#   … or the patterns on standard input, one a line.
#
# nginx keeps each entry in a file named by 32 hex digits, whose header has a
# `KEY: <scheme>://<host><uri>` line (deploy/nginx/nginx.conf `proxy_cache_key`);
# a removed file is a miss on the next request. Files being written have another
# name and are left alone. One pass over the cache for all the patterns. Runs
# where the cache is (the proxy's container), as its owner.
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
alternatives=''
for pattern in "$@"; do
  case $pattern in
    /*) ;;
    *) echo "purge-cache: « $pattern » n'est pas un chemin (il commence par /)" >&2; exit 2 ;;
  esac
  # Regular-expression characters taken literally, then `*` as any characters.
  regex=$(printf '%s' "$pattern" | sed -e 's/[].[\\^$+?(){}|]/\\&/g' -e 's/\*/.*/g')
  alternatives="${alternatives:+$alternatives|}$regex"
done
[ -n "$alternatives" ] || { echo "purge-cache: aucun motif" >&2; exit 2; }
# The query string may follow the path. File names travel NUL-separated.
removed=$(grep -rlaZE "^KEY: [a-z]+://[^/]*($alternatives)([?].*)?\$" "$cache_dir" \
  | grep -zE '/[0-9a-f]{32}$' \
  | xargs -0r sh -c 'rm -f -- "$@"; echo $#' sh \
  | awk '{ total += $1 } END { print total + 0 }')
echo "purge-cache: $removed entrée(s) retirée(s)"
