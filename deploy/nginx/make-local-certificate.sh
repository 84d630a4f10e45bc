#!/bin/sh
# A certificate for trying the deployment on this machine (https://localhost),
# which nobody else would vouch for: a throwaway authority (ca.pem, valid for
# localhost and 127.0.0.1 only, its key deleted once it has signed) and the
# server's certificate for those two names (EC P-256, 30 days). Writes, in <dir>:
#   fullchain.pem, privkey.pem  what nginx.conf reads under /etc/nginx/tls/
#                               (compose.yaml mounts TLS_DIR there);
#   ca.pem                      what a client trusts to check it (curl --cacert,
#                               NODE_EXTRA_CA_CERTS, a browser's authorities).
# The tests (tests/e2e/replicas/, deploy/nginx/proxy.test.ts) make theirs with it.
# Real certificates: see the top of deploy/nginx/nginx.conf.
#   deploy/nginx/make-local-certificate.sh deploy/nginx/tls
set -eu
dir=${1:?usage: make-local-certificate.sh <dir>}
days=30
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# No extension from the system's openssl.cnf: exactly these.
cat > "$work/openssl.cnf" <<'CONF'
[req]
distinguished_name = name
[name]
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign
subjectKeyIdentifier = hash
# Even if someone trusts ca.pem, it vouches for these two names and no other.
nameConstraints = critical, permitted;DNS:localhost, permitted;IP:127.0.0.1/255.255.255.255
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
authorityKeyIdentifier = keyid
CONF

# openssl talks on stderr even when all is well: shown only when it fails.
quietly() { "$@" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }; }

quietly openssl req -x509 -config "$work/openssl.cnf" -extensions ca -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days "$days" \
  -subj "/CN=kiosque, autorite locale" -keyout "$work/ca.key" -out "$work/ca.pem"
quietly openssl req -new -config "$work/openssl.cnf" -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$work/privkey.pem" -out "$work/server.csr"
quietly openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
  -days "$days" -sha256 -extfile "$work/openssl.cnf" -extensions server -out "$work/fullchain.pem"

# Readable by the container's nginx: its master is root without CAP_DAC_OVERRIDE
# (compose.yaml drops it), which reads a file of another owner only if others
# may. A key for localhost, valid a month; a real key stays root's, mode 600.
chmod 644 "$work/privkey.pem" "$work/fullchain.pem" "$work/ca.pem"
mv "$work/fullchain.pem" "$work/privkey.pem" "$work/ca.pem" "$dir/"
echo "certificat local pour localhost et 127.0.0.1 ($days jours) : $dir/fullchain.pem, $dir/privkey.pem ; autorité à faire confiance : $dir/ca.pem"
