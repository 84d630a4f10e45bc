#!/bin/sh
# Removes from nginx's proxy cache every entry whose path matches one of the
# patterns (`*` for any characters), or that carries one of the cache tags,
# that POST /api/revalidate answers with:
#
#   deploy/nginx/purge-cache.sh CACHE_DIR '/rss.xml' 'article:mon-article' 'list:home' …
#   … or the patterns and tags on standard input, one a line.
#
# A pattern starts with `/`; a tag is lowercase letters, digits, `-` and `:`
# (lib/content/index/cacheTags.ts), matched whole in the entry's stored `Cache-Tag`
# header (lib/cache/siteCache.ts writes it).
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
tags=''
for pattern in "$@"; do
  case $pattern in
    /*)
      # Regular-expression characters taken literally, then `*` as any characters.
      regex=$(printf '%s' "$pattern" | sed -e 's/[].[\\^$+?(){}|]/\\&/g' -e 's/\*/.*/g')
      alternatives="${alternatives:+$alternatives|}$regex"
      ;;
    *)
      if printf '%s' "$pattern" | grep -qE '^[a-z][a-z0-9:-]*$'; then
        tags="${tags:+$tags|}$pattern"
      else
        echo "purge-cache: « $pattern » n'est ni un chemin (il commence par /) ni une étiquette (minuscules, chiffres, - et :)" >&2
        exit 2
      fi
      ;;
  esac
done
# Nothing changed, nothing listed: nothing to remove.
if [ -z "$alternatives$tags" ]; then echo "purge-cache: 0 entrée(s) retirée(s)"; exit 0; fi
# One expression for both: the KEY line for paths, the Cache-Tag line for tags (a tag is a whole item of its list).
expression=''
[ -z "$alternatives" ] || expression="^KEY: [a-z]+://[^/]*($alternatives)([?].*)?\$"
[ -z "$tags" ] || expression="${expression:+$expression|}^[Cc]ache-[Tt]ag: (.*,)?($tags)(,.*)?[[:cntrl:]]?\$"
# The query string may follow the path. File names travel NUL-separated.
removed=$(grep -rlaZE "$expression" "$cache_dir" \
  | grep -zE '/[0-9a-f]{32}$' \
  | xargs -0r sh -c 'rm -f -- "$@"; echo $#' sh \
  | awk '{ total += $1 } END { print total + 0 }')
echo "purge-cache: $removed entrée(s) retirée(s)"
