#!/bin/sh
# Sentence F1 (CoNLL 2018, shared/eval/sbd/sbd_f1.py) of `precis split` and
# of the npm splitters sbd, sentencex and sentence-splitter on every UD dev
# set of shared/eval/sbd, as a Markdown table for the README; then the
# Golden Rules pass count. The npm packages are installed on first use into
# a cache directory outside the tree ($PRECIS_NPM_CACHE, default
# ~/.cache/precis-bench-npm). The UD dev sets are the splitter's tuning data.
# Not part of `make check`.
#
# Usage: tests/bench/sbd.sh [PRECIS] [SHARED_EVAL]
set -eu
precis=${1:-./precis}
eval_dir=${2:-${SHARED_EVAL:-$(dirname "$0")/../../../shared/eval}}
here=$(cd "$(dirname "$0")" && pwd)
sbd=$eval_dir/sbd
[ -f "$sbd/sbd_f1.py" ] || { echo "sbd.sh: no $sbd/sbd_f1.py" >&2; exit 77; }
cache=${PRECIS_NPM_CACHE:-$HOME/.cache/precis-bench-npm}
if command -v npm >/dev/null 2>&1 && [ ! -d "$cache/node_modules/sentence-splitter" ]; then
	mkdir -p "$cache"
	(cd "$cache" && { [ -f package.json ] || npm init -y >/dev/null; } &&
	 npm install --no-audit --no-fund sbd sentencex sentence-splitter >/dev/null)
fi
export NODE_PATH="$cache/node_modules"

f1() { # f1 SET -- COMMAND...: the F1 sbd_f1.py prints
	set=$1; shift; shift
	python3 "$sbd/sbd_f1.py" "$sbd/ud_$set.jsonl" -- "$@" 2>/dev/null |
		sed -n 's/.* F1 \([0-9.]*\).*/\1/p' | grep . || echo "-"
}

sets="en_ewt_dev en_gum_dev de_dev fr_dev es_dev ru_dev zh_dev it_dev"
printf '| splitter |'
for s in $sets; do printf ' %s |' "${s%_dev}"; done
printf '\n|---|'
for s in $sets; do printf -- '---:|'; done
printf '\n| precis split |'
for s in $sets; do
	l=${s%%_*}
	printf ' %s |' "$(f1 "$s" -- "$precis" split -l "$l" --input=jsonl)"
done
printf '\n'
if command -v node >/dev/null 2>&1 && [ -d "$NODE_PATH/sentence-splitter" ]; then
	for sp in sbd sentencex sentence-splitter; do
		printf '| %s (npm) |' "$sp"
		for s in $sets; do
			l=${s%%_*}
			printf ' %s |' "$(f1 "$s" -- node "$here/sbd_npm.mjs" "$sp" "$l")"
		done
		printf '\n'
	done
fi
pass=0 fail=0
for f in "$sbd"/golden_*.jsonl; do
	l=${f##*/golden_}; l=${l%.jsonl}
	set -- $(python3 "$sbd/score.py" --batch --filter '!upstream_options' "$f" -- \
		"$precis" split --input=jsonl -l "$l" | tail -n 1)
	pass=$((pass + $1)) fail=$((fail + $3))
done
echo
echo "Golden Rules (without the upstream-option cases): $pass passed, $fail failed"
