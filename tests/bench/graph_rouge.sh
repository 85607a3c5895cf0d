#!/bin/sh
# The sparse neighbour graph against the exact one (lexrank, textrank): every
# data set's articles summarized both ways, the exact graph as shipped (all
# of them are far below graph-exact-max) and the sparse graph forced with
# --set graph-exact-max=0. Prints ROUGE-1/2/L F (x100) of each and the
# difference; the sparse graph must stay within 0.1 points. Not part of
# `make check`.
#
# Usage: tests/bench/graph_rouge.sh [PRECIS] [DATASETS_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
data=${2:-$here/../../../shared/eval/datasets}
[ -f "$data/cnndm_dev.jsonl" ] || { echo "no data sets in $data" >&2; exit 1; }
. "$here/common.sh"
bench_unwrap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-18s %-9s %21s %21s %21s\n' "data set" method "R-1 exact/sparse" \
	"R-2 exact/sparse" "R-L exact/sparse"
worst=0
for set in cnndm_test cnndm_dev bbc_news_summary xsum_frank; do
	n=3; [ "$set" = xsum_frank ] && n=1
	for m in lexrank textrank; do
		"$precis" eval -n "$n" -m "$m" -f json "$data/$set.jsonl" >"$tmp/exact"
		"$precis" eval -n "$n" -m "$m" --set graph-exact-max=0 -f json \
			"$data/$set.jsonl" >"$tmp/sparse"
		python3 - "$tmp/exact" "$tmp/sparse" "$set" "$m" >>"$tmp/rows" <<'PY'
import json, sys
e, s = (json.load(open(f))["systems"][0]["average"] for f in sys.argv[1:3])
cells, worst = [], 0.0
for k in ("ROUGE-1", "ROUGE-2", "ROUGE-L"):
    a, b = 100 * e[k]["F"], 100 * s[k]["F"]
    worst = max(worst, abs(a - b))
    cells.append("%.2f/%.2f %+.3f" % (a, b, b - a))
print("%-18s %-9s %21s %21s %21s %.4f" % (sys.argv[3], sys.argv[4], *cells, worst))
PY
	done
done
awk '{ w = $NF; sub(/ [^ ]*$/, ""); print; if (w > worst) worst = w }
	END { printf "largest difference: %.3f ROUGE points (F, x100)\n", worst; exit worst > 0.1 }' "$tmp/rows"
