#!/bin/sh
# Summarizing speed: the articles of ../shared/eval/datasets/cnndm_test.jsonl
# written to files, then summarized by one precis process (3 sentences each).
# Reports articles/second, MB/s and peak memory. Not part of `make check`.
#
# Usage: tests/bench/speed.sh [PRECIS] [DATASET] [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
data=${2:-$here/../../../shared/eval/datasets/cnndm_test.jsonl}
runs=${3:-5}
# PRECIS_ARGS: more options for every run (PRECIS_ARGS='-l auto').
[ -f "$data" ] || { echo "no data set at $data" >&2; exit 1; }
. "$here/common.sh"
bench_unwrap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data" "$tmp" <<'PY'
import json, sys, os
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    with open(os.path.join(sys.argv[2], "a%05d.txt" % n), "w", encoding="utf-8") as f:
        f.write(rec["article"])
    n += 1
PY
n=$(ls "$tmp"/a*.txt | wc -l)
bytes=$(cat "$tmp"/a*.txt | wc -c)
best=""
for i in $(seq "$runs"); do
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$precis" -n 3 ${PRECIS_ARGS:-} "$tmp"/a*.txt >/dev/null
	t=$(cut -d' ' -f1 "$tmp/time"); rss=$(cut -d' ' -f2 "$tmp/time")
	if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; best_rss=$rss; fi
done
echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%d)"
echo "articles: $n ($bytes bytes) from $(basename "$data")"
awk -v n="$n" -v b="$bytes" -v t="$best" -v r="$runs" -v m="$best_rss" 'BEGIN {
	if (t <= 0) t = 0.005 # below /usr/bin/time resolution
	printf "best of %d: %.2f s, %.0f articles/s, %.1f MB/s, peak RSS %d KB\n", r, t, n / t, b / t / 1e6, m }'
