#!/usr/bin/env bash
# Refactor guard (issue 17): runs the sample pilot and a small generated pilot (Yammer + Slack +
# MediaWiki from bench/generate.ts, seed 7) with a fixed SOURCE_DATE_EPOCH and compares metrics.json,
# the Markdown summary and the PDF's text with a reference taken before the refactor.
#   scripts/compare-outputs.sh record DIR   # write the reference into DIR
#   scripts/compare-outputs.sh check DIR    # run again and diff against DIR (exit 1 on a difference)
#   PILOT_COMPARE_WORK=/tmp/mine scripts/compare-outputs.sh record|check DIR   # another work folder, for two at once
# metrics.json is compared with `provenance.tool.version` kept (same build) and keys as written.
set -euo pipefail
mode=${1:?record|check}
ref=${2:?reference folder}
root=$(cd "$(dirname "$0")/.." && pwd)
# A fixed work folder: the output paths are part of the resolved config, hence of provenance.configHash.
# PILOT_COMPARE_WORK gives another one (two checks at once on one machine); record and check with the same.
work="${PILOT_COMPARE_WORK:-/tmp/pilot-compare-work}"
rm -rf "$work"; mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000 NO_COLOR=1 TZ=UTC
gen="${PILOT_COMPARE_DATA:-/tmp/pilot-compare-data}"
cat > "$work/gen.mts" <<TS
import { ensureExport } from '$root/bench/generate.ts';
for (const kind of ['yammer', 'slack', 'mediawiki'] as const) console.log((await ensureExport('$gen', kind, 400, 7)).input);
TS
(cd "$root" && npx tsx "$work/gen.mts" > "$work/inputs.txt")
run() { # name, args...
  local name=$1; shift
  local out="$work/$name"
  mkdir -p "$out"
  "$root/bin/pilot-report.js" analyze --quiet -o "$out" --markdown "$out/summary.md" "$@" >/dev/null || [ $? -eq 1 ]
  pdftotext -layout "$out/report.pdf" "$out/report.txt"
  rm "$out/report.pdf"
}
# The sample pilot is run from a copy in the work folder, from there: metrics.json names its inputs
# relative to the current folder, so two trees (or callers in two folders) write the same paths.
cp -r "$root/fixtures/sample-pilot" "$work/sample-pilot"
(cd "$work" && run sample --config sample-pilot/pilot-report.config.json)
mapfile -t generated < "$work/inputs.txt"
run generated "${generated[@]}"
run generated-anon --anonymize "${generated[@]}"
if [ "$mode" = record ]; then
  rm -rf "$ref"; mkdir -p "$ref"
  for d in sample generated generated-anon; do cp -r "$work/$d" "$ref/$d"; done
  echo "reference written to $ref"
  exit 0
fi
# Every file is checked, whatever differs first (a failing diff must not end the script under -e).
status=0
for d in sample generated generated-anon; do
  for f in metrics.json summary.md report.txt; do
    if cmp -s "$ref/$d/$f" "$work/$d/$f"; then echo "same       $d/$f"; else echo "DIFFERENT  $d/$f"; { diff "$ref/$d/$f" "$work/$d/$f" || true; } | head -20; status=1; fi
  done
done
exit $status
