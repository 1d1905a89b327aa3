#!/usr/bin/env bash
# Proves the route-by-route authorisation test (tests/api/authorization.rs) catches the removal
# of any single role or login check. Not part of CI: it patches src/auth/session.rs for the
# run (role_checks.patch lets through the one route named in DELTAG_MUTANT_ROLE, or an
# anonymous visitor on the one route in DELTAG_MUTANT_LOGIN), runs the test once per
# non-public route with that route's check removed, and puts the file back.
#
# Usage: tests/mutation/role_checks.sh   (from the repository root, on SQLite)
set -euo pipefail
cd "$(dirname "$0")/../.."
git diff --quiet -- src/auth/session.rs || { echo "src/auth/session.rs has changes; commit them first" >&2; exit 2; }
git apply tests/mutation/role_checks.patch
trap 'git checkout -- src/auth/session.rs' EXIT
cargo build --tests --quiet
# With no route named, the patched build must pass: a failure below is then the mutant's.
cargo nextest run authorization -E 'test(/sqlite$/)' >/dev/null 2>&1 \
  || { echo "the authorisation test fails without any mutant" >&2; exit 2; }

rules=$(grep -oE '^\s*\((GET|POST), "[^"]+", (Staff|Editor|Admin)\)' tests/api/authorization.rs \
  | sed -E 's/^\s*\((GET|POST), "([^"]+)", (\w+)\)/\1|\2|\3/')
total=0; killed=0
while IFS='|' read -r method path access; do
  total=$((total + 1))
  if [ "$access" = Staff ]; then var=DELTAG_MUTANT_LOGIN; else var=DELTAG_MUTANT_ROLE; fi
  out=$(env "$var=$method $path" cargo nextest run authorization -E 'test(/sqlite$/)' 2>&1 || true)
  if grep -q "panicked at tests/api/authorization.rs" <<<"$out"; then
    killed=$((killed + 1))
  else
    echo "NOT CAUGHT: $access check removed from $method $path"
  fi
done <<<"$rules"
echo "$killed of $total removed checks caught"
[ "$killed" -eq "$total" ]
