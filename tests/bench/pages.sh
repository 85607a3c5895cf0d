#!/bin/sh
# Web pages: how well `precis extract` finds the article, and how fast.
#
#   tests/bench/pages.sh [PRECIS]
#
# 1. ../shared/eval/html (91 real pages with hand-marked article bodies):
#    score.py's F1, precision and recall for `precis extract` (the body, as
#    the benchmark marks it) and `precis extract --with-title`.
# 2. Throughput: CPU seconds (user + system) of one process extracting, and
#    one summarizing (-n 3), all 91 pages; MB of HTML per CPU second, best
#    of 3 (CPU time, so a busy machine slows it less than wall time).
# 3. tests/bench/gen_pages.py: 1,000 BBC articles wrapped in generated pages
#    (five templates), the share whose extracted words equal the article's.
set -eu
precis=${1:-./precis}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
bench_unwrap
eval_dir=${SHARED_EVAL:-$here/../../../shared/eval}
[ -d "$eval_dir/html/pages" ] || { echo "no $eval_dir/html" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pages.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "precis: $precis ($("$precis" --version | head -n 1))"
echo "machine: $(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== shared/eval/html: 91 pages, score.py"
for opt in "" "--with-title"; do
	printf 'precis extract %-13s ' "$opt"
	python3 "$eval_dir/html/score.py" -- "$precis" extract --input-format=html $opt |
		tail -n 1
done

for f in "$eval_dir"/html/pages/*.html.gz; do
	gzip -dc "$f" >"$tmp/$(basename "$f" .gz)"
done
bytes=$(cat "$tmp"/*.html | wc -c)
echo
echo "== throughput: $bytes bytes of HTML, best of 3, CPU time"
for cmd in "extract" "summarize -n 3"; do
	best=
	for i in 1 2 3; do
		t=$( { /usr/bin/time -f '%U %S' "$precis" $cmd "$tmp"/*.html >/dev/null; } 2>&1 |
			awk '{ print $1 + $2 }')
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$cmd: $best s, $(echo "$bytes $best" | awk '{ printf "%.1f", $1 / $2 / 1e6 }') MB/s"
done

data="$eval_dir/datasets/bbc_news_summary.jsonl"
if [ -f "$data" ]; then
	echo
	echo "== generated pages: 1,000 BBC articles (gen_pages.py, seed 7)"
	python3 "$here/gen_pages.py" generate "$data" "$tmp/gen" -n 1000 --seed 7
	python3 "$here/gen_pages.py" check "$tmp/gen" "$precis" --show 3
fi
