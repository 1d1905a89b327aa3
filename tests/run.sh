#!/usr/bin/env bash
# The test command: every test, each database scenario on SQLite and on PostgreSQL.
# Fails if the PostgreSQL half did not run as completely as the SQLite half.
set -uo pipefail
cd "$(dirname "$0")/.."
export DELTAG_TEST_POSTGRES_URL="${DELTAG_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
log=$(mktemp)
cargo nextest run --locked --no-fail-fast "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sqlite=$(grep -cE 'PASS .*::sqlite$' "$log")
postgres=$(grep -cE 'PASS .*::postgres$' "$log")
echo "backends: ${sqlite} SQLite and ${postgres} PostgreSQL scenarios passed"
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$postgres" -eq 0 ] || [ "$postgres" -ne "$sqlite" ]; then
  echo "error: the PostgreSQL scenarios did not all run (DELTAG_TEST_POSTGRES_URL=${DELTAG_TEST_POSTGRES_URL})" >&2
  exit 1
fi
