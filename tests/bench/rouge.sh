#!/bin/sh
# Usage: tests/bench/rouge.sh [PRECIS] [PAIRS]
# Pairs per second of `precis rouge --pairs` on one core: PAIRS (10000)
# synthetic pairs of a 60-word candidate (3 sentences) and a 60-word
# reference drawn from a 2,000-word Zipf-like vocabulary, scored with the
# default metric set (ROUGE-1..4, L, W-1.2, S4, SU4) and with ROUGE-1/2/L
# only (1.5.5's -n 2), with and without stemming. Times include reading the
# JSON, the 1000-resample bootstrap and writing the report. ROUGE-1.5.5
# itself scores about 50-70 such pairs per CPU-second.
set -eu
precis=${1:-${PRECIS:-./precis}}
n=${2:-10000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/precis-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C
export LC_ALL

awk -v n="$n" 'BEGIN {
	srand(42)
	for (i = 0; i < 2000; i++) {
		w = ""
		len = 3 + int(rand() * 8)
		for (j = 0; j < len; j++)
			w = w substr("abcdefghijklmnopqrstuvwxyz", 1 + int(rand() * 26), 1)
		vocab[i] = w
	}
	for (p = 0; p < n; p++) {
		for (t = 0; t < 2; t++) {
			s = ""
			for (k = 0; k < 60; k++) {
				r = rand(); idx = int(2000 * r * r * r)
				s = s (k == 0 ? "" : (k % 20 == 0 ? ".\\n" : " ")) vocab[idx]
			}
			txt[t] = s "."
		}
		printf "{\"id\": \"p%d\", \"candidate\": \"%s\", \"references\": [\"%s\"]}\n", p, txt[0], txt[1]
	}
}' >"$tmp/pairs.jsonl"

now() { date +%s%N; }

run() {
	label=$1
	shift
	start=$(now)
	taskset -c 0 "$precis" rouge --pairs "$tmp/pairs.jsonl" "$@" >/dev/null 2>&1 ||
		"$precis" rouge --pairs "$tmp/pairs.jsonl" "$@" >/dev/null
	end=$(now)
	awk -v l="$label" -v n="$n" -v ns=$((end - start)) \
		'BEGIN { printf "%-36s %8.3f s  %9.0f pairs/s\n", l, ns / 1e9, n / (ns / 1e9) }'
}

echo "precis rouge: $n synthetic 60-word pairs, one core"
run "default metrics (1-4, L, W, S4, SU4)"
run "default metrics, stemming (-m)" -m
run "ROUGE-1/2/L (-n 2)" -n 2
run "ROUGE-1/2/L, stemming (-n 2 -m)" -n 2 -m
run "ROUGE-1/2/L, no bootstrap (-r 0)" -n 2 -r 0
