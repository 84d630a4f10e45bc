#!/bin/sh
# Starts redis-server with the users of deploy/redis/users.acl, their
# passwords taken from the environment:
#   REDIS_PASSWORD        the site's user, `kiosque` (required, 32 characters or
#                         more, those of a URL: REDIS_URL carries it as is);
#   REDIS_ADMIN_PASSWORD  `admin`, every right (optional: without it, no such user).
# The ACL file redis-server reads holds their SHA-256, never a password, and is
# written where a read-only container can write (compose.yaml: a tmpfs on /tmp).
# Every argument goes to redis-server.
#   REDIS_PASSWORD=… deploy/redis/start-redis.sh --port 6379
# REDIS_ACL_RULES and REDIS_ACL_FILE move the two files (the tests' Redis).
set -eu
rules=${REDIS_ACL_RULES:-/usr/local/etc/redis/users.acl}
acl_file=${REDIS_ACL_FILE:-/tmp/redis/users.acl}

fail() {
  echo "start-redis.sh: $*" >&2
  exit 1
}
check_password() {
  case $2 in
    *[!A-Za-z0-9._~-]*) fail "$1 : lettres, chiffres et - . _ ~ seulement (il figure tel quel dans REDIS_URL) ; par exemple openssl rand -hex 32" ;;
  esac
  [ "${#2}" -ge 32 ] || fail "$1 : 32 caractères au moins ; par exemple openssl rand -hex 32"
}
sha256() {
  printf '%s' "$1" | sha256sum | cut -d ' ' -f 1
}

[ -n "${REDIS_PASSWORD:-}" ] || fail "REDIS_PASSWORD manquant : le mot de passe de l'utilisateur kiosque"
check_password REDIS_PASSWORD "$REDIS_PASSWORD"
[ -r "$rules" ] || fail "$rules introuvable"
if [ -n "${REDIS_ADMIN_PASSWORD:-}" ]; then
  check_password REDIS_ADMIN_PASSWORD "$REDIS_ADMIN_PASSWORD"
  admin="s/#REDIS_ADMIN_PASSWORD_SHA256 /#$(sha256 "$REDIS_ADMIN_PASSWORD") /"
else
  admin='/#REDIS_ADMIN_PASSWORD_SHA256 /d'
fi

umask 077
mkdir -p "$(dirname "$acl_file")"
# Redis reads no comment in an ACL file; a placeholder left over would stop it at start (not a hash).
sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' \
  -e "s/#REDIS_PASSWORD_SHA256 /#$(sha256 "$REDIS_PASSWORD") /" -e "$admin" "$rules" >"$acl_file.new"
mv "$acl_file.new" "$acl_file"
exec redis-server --aclfile "$acl_file" "$@"
