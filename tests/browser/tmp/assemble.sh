#!/usr/bin/env bash
# assemble.sh OUT: dist with target/app-split in place of dist's app-split
set -euo pipefail
OUT=$1
rm -rf "$OUT"; cp -r dist "$OUT"
old=$(ls dist/app-split | grep '^app-')
new=$(ls target/app-split | grep '^app-')
rm -rf "$OUT/app-split"; cp -r target/app-split "$OUT/app-split"
sed -i "s/$old/$new/g" "$OUT/index.html"
echo "$OUT: $old -> $new"
