#!/usr/bin/env bash
# Installs the system packages the local stack and the browser tests need.
# Idempotent: when everything is present it prints one line and changes nothing.
set -euo pipefail

# package -> a file that proves it is installed (dpkg -s is slow and misses manual installs)
declare -A probe=(
  [postgresql-15]=/usr/lib/postgresql/15/bin/postgres
  [postgresql-15-postgis-3]=/usr/share/postgresql/15/extension/postgis.control
  [postgresql-15-pgtap]=/usr/share/postgresql/15/extension/pgtap.control
  [postgresql-15-plpgsql-check]=/usr/share/postgresql/15/extension/plpgsql_check.control
  [postgresql-15-wal2json]=/usr/lib/postgresql/15/lib/wal2json.so
  [libtap-parser-sourcehandler-pgtap-perl]=/usr/bin/pg_prove
  [chromium]=/usr/bin/chromium
)
order=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgtap postgresql-15-plpgsql-check postgresql-15-wal2json libtap-parser-sourcehandler-pgtap-perl chromium)

missing=()
for pkg in "${order[@]}"; do
  [ -e "${probe[$pkg]}" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system deps missing: ${missing[*]}" >&2
  echo "install them (Debian/Ubuntu, as root):" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "system deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends keeps chromium from pulling a desktop; postgis needs its recommends off too
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pkg in "${missing[@]}"; do
  if [ ! -e "${probe[$pkg]}" ]; then
    echo "system deps: $pkg installed but ${probe[$pkg]} is still missing" >&2
    exit 1
  fi
done
echo "system deps: installed ${missing[*]}"
