#!/usr/bin/env bash
# Usage: tests/bench/rouge.sh [PRECIS] [PAIRS]
# Pairs per second of `precis rouge --pairs` on one core: PAIRS (10000)
# synthetic pairs of a 60-word candidate (3 sentences) and a 60-word
# reference drawn from a 2,000-word Zipf-like vocabulary, scored with the
# default metric set (ROUGE-1..4, L, W-1.2, S4, SU4) and with ROUGE-1/2/L
# only (1.5.5's -n 2), with and without stemming. Times are CPU seconds
# (user + system) of the whole run: reading the JSON, scoring, the
# 1000-resample bootstrap and the report; the last line leaves the bootstrap
# out. ROUGE-1.5.5 itself scores about 50-70 such pairs per CPU-second.
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

# run LABEL ARGS...: CPU time of `precis rouge --pairs` (best of 5).
run() {
	label=$1
	shift
	best=
	for _ in 1 2 3 4 5; do
		TIMEFORMAT='%3U %3S'
		t=$({ time "$precis" rouge --pairs "$tmp/pairs.jsonl" "$@" >/dev/null; } 2>&1)
		cpu=$(echo "$t" | awk '{ printf "%.3f", $1 + $2 }')
		if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$cpu
		fi
	done
	awk -v l="$label" -v n="$n" -v s="$best" \
		'BEGIN { printf "%-40s %7.3f CPU s  %8.0f pairs/s\n", l, s, n / s }'
}

echo "precis rouge: $n synthetic 60-word pairs, one core"
run "default metrics (1-4, L, W, S4, SU4)"
run "default metrics, stemming (-m)" -m
run "ROUGE-1/2/L (-n 2)" -n 2
run "ROUGE-1/2/L, stemming (-n 2 -m)" -n 2 -m
run "ROUGE-1/2/L, no bootstrap (-r 0)" -n 2 -r 0
