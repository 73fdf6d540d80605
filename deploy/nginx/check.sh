#!/usr/bin/env bash
# Checks deploy/nginx/spojnia.conf with `nginx -t`, without root and without touching /etc: the file
# is copied into a temporary prefix, its placeholder paths (certificate, cache, logs) are pointed into
# that prefix (for an ordinary user also its ports 80/443, to 8080/8443), a throw-away self-signed
# certificate is made with openssl, and nginx tests the result twice — alone in a minimal nginx.conf,
# and as a site of the distribution's own nginx.conf when one is installed, which catches directives
# that clash with Debian's http-level settings (gzip, ssl_protocols, logs).
# Exit 0 when nginx accepts both, or when nginx is not installed ("skipped"); nginx's status otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
conf="$here/spojnia.conf"

nginx_bin=$(command -v nginx || true)
if [[ -z "$nginx_bin" && -x /usr/sbin/nginx ]]; then nginx_bin=/usr/sbin/nginx; fi
if [[ -z "$nginx_bin" ]]; then
  echo "nginx not installed, skipped"
  exit 0
fi
if ! command -v openssl >/dev/null 2>&1; then
  echo "openssl is needed to make the test certificate" >&2
  exit 1
fi

prefix=$(mktemp -d "${TMPDIR:-/tmp}/spojnia-nginx-check.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/tls" "$prefix/logs" "$prefix/cache" "$prefix/tmp" "$prefix/acme"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=spojnia.example.pl' \
  -keyout "$prefix/tls/privkey.pem" -out "$prefix/tls/fullchain.pem" >/dev/null 2>&1

# the placeholders of spojnia.conf, pointed into the prefix
sed -e "s#/etc/ssl/spojnia/#$prefix/tls/#g" \
  -e "s#/var/cache/nginx/spojnia#$prefix/cache/spojnia#g" \
  -e "s#/var/log/nginx/#$prefix/logs/#g" \
  -e "s#/var/www/letsencrypt#$prefix/acme#g" \
  "$conf" >"$prefix/spojnia.conf"
# `nginx -t` binds the listening sockets (a port already in use is tolerated, a privileged one is
# not): an ordinary user tests on 8080 and 8443 instead of 80 and 443
if [[ $(id -u) -ne 0 ]]; then
  sed -i -e 's#^\(\s*listen\s\+\(\[::\]:\)\?\)80\b#\18080#' -e 's#^\(\s*listen\s\+\(\[::\]:\)\?\)443\b#\18443#' "$prefix/spojnia.conf"
fi

# Everything nginx would write at start goes into the prefix, so no root is needed. (The temporary
# folders are set here, not in spojnia.conf: Debian's nginx.conf leaves them at the built-in paths.)
temp_paths="client_body_temp_path $prefix/tmp/body; proxy_temp_path $prefix/tmp/proxy; fastcgi_temp_path $prefix/tmp/fastcgi; uwsgi_temp_path $prefix/tmp/uwsgi; scgi_temp_path $prefix/tmp/scgi;"

cat >"$prefix/minimal.conf" <<EOF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events {}
http {
    $temp_paths
    access_log $prefix/logs/access.log;
    include $prefix/spojnia.conf;
}
EOF

status=0
run_test() {
  local label=$1 file=$2 output rc=0
  # -e: the error log before the configuration is read (1.19.5+); -p: relative paths resolve here
  output=$("$nginx_bin" -t -p "$prefix/" -e "$prefix/logs/error.log" -c "$file" 2>&1) || rc=$?
  # Shown: warnings and errors. Left out: the two success lines, and the notice that `user` (set by
  # Debian's nginx.conf) is ignored when nginx runs as an ordinary user, which is no fault of ours.
  output=$(printf '%s\n' "$output" | grep -v -e 'syntax is ok' -e 'test is successful' \
    -e 'the "user" directive makes sense only if the master process runs with super-user privileges' || true)
  if ((rc == 0)); then
    echo "nginx -t ($label): ok"
  else
    echo "nginx -t ($label): FAILED (exit $rc)"
    status=$rc
  fi
  if [[ -n "$output" ]]; then printf '%s\n' "$output" | sed 's/^/  /'; fi
}

run_test "spojnia.conf in a minimal nginx.conf" "$prefix/minimal.conf"

# The distribution's own nginx.conf, with every absolute path under /etc/nginx, /var/log/nginx and
# /run pointed into the prefix, and spojnia.conf as its only site.
if [[ -f /etc/nginx/nginx.conf ]]; then
  mkdir -p "$prefix/etc/sites-enabled" "$prefix/etc/conf.d"
  for f in /etc/nginx/*; do
    case "$(basename "$f")" in
      sites-enabled | sites-available | conf.d) ;;
      *) cp -r "$f" "$prefix/etc/" ;;
    esac
  done
  cp "$prefix/spojnia.conf" "$prefix/etc/sites-enabled/spojnia"
  sed -e "s#/etc/nginx/#$prefix/etc/#g" \
    -e "s#/var/log/nginx/#$prefix/logs/#g" \
    -e "s#/run/nginx.pid#$prefix/nginx.pid#g" \
    -e "s#^\(\s*http\s*{\)#\1 $temp_paths#" \
    /etc/nginx/nginx.conf >"$prefix/etc/nginx.conf"
  # modules-enabled holds links to /usr/share/nginx/modules-available: still valid from here
  run_test "as a site of /etc/nginx/nginx.conf" "$prefix/etc/nginx.conf"
fi

exit "$status"
