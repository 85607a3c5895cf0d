#!/bin/sh
# The tuning of the default method (tfidf) on the TUNE sets only:
# cnndm_dev.jsonl, and bbc_news_summary.jsonl split into every 4th article
# (the literature's BBC test slice, scored with 3 sentences and -l 100) and
# the rest. Never point it at a report set (cnndm_test*, xsum_frank): a
# number is worth only the method's blindness to it.
#
# Usage: tests/bench/tune.sh [PRECIS] [final|grid]
#   final (default): tfidf with the shipped defaults against Lead-3, and
#                    against tfidf with the old defaults, with 95% CIs and
#                    paired bootstrap p-values, on each tune set.
#   grid:            reruns the final grid (length-target x length-weight x
#                    position-weight x position-decay) and prints, per
#                    setting, R-1/R-2/R-L F and the difference to Lead-3.
# Environment: SHARED_EVAL (default ../shared/eval below the source tree),
# JOBS (default 2), TMPDIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
mode=${2:-final}
data=${SHARED_EVAL:-$here/../../../shared/eval}/datasets
jobs=${JOBS:-2}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tune.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

dev=$data/cnndm_dev.jsonl
awk 'NR % 4 == 1' "$data/bbc_news_summary.jsonl" > "$tmp/bbc4.jsonl"
awk 'NR % 4 != 1' "$data/bbc_news_summary.jsonl" > "$tmp/bbcrest.jsonl"

# The defaults before tuning (commit 54e052e), to show the change.
old="--set=length-target=0 --set=position-weight=1 --set=position-decay=0.25"

final() {
	for file in "$dev" "$tmp/bbc4.jsonl" "$tmp/bbcrest.jsonl"; do
		lim=
		case $file in *bbc*) lim=--limit-words=100 ;; esac
		echo "== $(basename "$file") (tfidf defaults vs lead-3 and oracle)"
		"$precis" eval -j "$jobs" -n 3 $lim "$file"
		echo "== $(basename "$file") (tfidf with the old defaults)"
		"$precis" eval -j "$jobs" -n 3 $lim $old "$file" |
			sed -n '/^tfidf/,/ROUGE-L/p'
	done
}

# One setting on one set: "R1 R2 RL dR1 dR2 dRL" (tfidf, minus Lead-3).
point() {
	file=$1
	shift
	lim=
	case $file in *bbc*) lim=--limit-words=100 ;; esac
	"$precis" eval -j "$jobs" -n 3 $lim --resamples=1 -f json "$@" "$file" |
		python3 -c '
import json, sys
d = {s["name"]: s["average"] for s in json.load(sys.stdin)["systems"]}
m = ("ROUGE-1", "ROUGE-2", "ROUGE-L")
t = [100 * d["tfidf"][k]["mean_F"] for k in m]
l = [100 * d["lead-3"][k]["mean_F"] for k in m]
print(" ".join("%.2f" % x for x in t), " ".join("%+.2f" % (a - b) for a, b in zip(t, l)))'
}

grid() {
	echo "lt lw pw dc | dev R1 R2 RL dR1 dR2 dRL | bbc4 R1 R2 RL dR1 dR2 dRL"
	for lt in 25 28; do for lw in 0.4 0.5 0.6; do
	for pw in 1 1.25 1.5; do for dc in 0.8 0.9 1.0; do
		s="--set=length-target=$lt --set=length-weight=$lw"
		s="$s --set=position-weight=$pw --set=position-decay=$dc"
		echo "$lt $lw $pw $dc | $(point "$dev" $s) | $(point "$tmp/bbc4.jsonl" $s)"
	done; done; done; done
}

case $mode in
final) final ;;
grid) grid ;;
*) echo "usage: $0 [PRECIS] [final|grid]" >&2; exit 2 ;;
esac
