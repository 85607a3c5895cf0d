#!/bin/sh
# Replays the Golden Rules sentence-boundary sets (shared/eval/sbd: 52
# English cases, 125 in 22 other languages) through `precis split
# --input=jsonl`, scored by their own score.py, every case with the
# defaults; cases upstream runs with an option (en-ps-040, hard-wrapped
# PDF text: --wrap=auto joins it) also with the equivalent --wrap=join.
# Prints the pass count per language; fails if any case fails. Skipped
# (77) without ../shared/eval or python3.
. "$top_srcdir/tests/cli/setup"

sbd="${SHARED_EVAL:-$top_srcdir/../shared/eval}/sbd"
[ -f "$sbd/score.py" ] ||
	skip "no Golden Rules sets at $sbd (set SHARED_EVAL to shared/eval)"
command -v python3 >/dev/null 2>&1 || skip "python3 not found"

# score LANG FILTER [OPTION]: runs one selection of a set (FILTER '': all
# of it); sets $pass, $fail.
score() {
	pass=0 fail=0
	python3 "$sbd/score.py" -v --batch ${2:+--filter "$2"} "$sbd/golden_$1.jsonl" -- \
		${PRECIS_EXEC:-} "$PRECIS" split --input=jsonl -l "$1" ${3:-} \
		>"$tmp/score" 2>&1 || { fail=1; cat "$tmp/score"; return; }
	set -- $(tail -n 1 "$tmp/score")
	pass=$1 fail=$3
	[ "$fail" -eq 0 ] || cat "$tmp/score"
}

for f in "$sbd"/golden_*.jsonl; do
	lang=${f##*/golden_}
	lang=${lang%.jsonl}
	score "$lang" ''
	p=$pass q=$fail extra=
	if grep -q '"upstream_options"' "$f"; then
		score "$lang" upstream_options --wrap=join
		p=$((p + pass)) q=$((q + fail)) extra=" (again with --wrap=join: $pass)"
	fi
	echo "$lang: $p passed, $q failed$extra"
	passed=$((passed + p)) failed=$((failed + q))
done
finish
