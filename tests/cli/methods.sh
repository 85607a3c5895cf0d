#!/bin/sh
# Every ranking method end to end: listed by --list-methods, runs on the
# sample article and on small fixtures, returns the requested count (or
# every sentence when there are fewer), gives the same output twice, and
# random follows --seed.
. "$top_srcdir/tests/cli/setup"
not_under_valgrind "the check_rank_* suites run every method there"

methods="tfidf lead random luhn edmundson lexrank textrank lsa sumbasic klsum centroid"

p --list-methods
expect_rc "--list-methods" 0
for m in $methods; do
	if grep -q "^$m " "$tmp/out"; then ok; else bad "--list-methods lacks $m"; fi
done

one="$tmp/one.txt"
echo "The committee will publish its full report in the spring." >"$one"
two="$tmp/two.txt"
printf '%s\n' "The river flooded the old town after three days of heavy rain." \
	"Volunteers cooked soup for the families staying in the school shelter." >"$two"
headed="$tmp/headed.txt"
printf '%s\n\n%s\n%s\n%s\n%s\n' "Storm Floods Coastal Villages" \
	"A storm flooded three coastal villages in the north overnight." \
	"Rescue teams moved two hundred people to a school on the hill." \
	"The council met to discuss parking fees in the town centre again." \
	"Forecasters expect more rain on the coast later in the week." >"$headed"
long="$tmp/long.txt"
i=0
while [ $i -lt 40 ]; do
	echo "Sentence number $i talks about topic $((i % 5)) and item $i in the town."
	i=$((i + 1))
done >"$long"

# Each method once over several files (one JSON object per file): the
# counts (all sentences when fewer), verbatim picks in document order; then
# the same run again must print the same bytes.
check_json() {
	python3 - "$tmp/out" "$@" <<'PY'
import json, sys
out, want, files = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
recs = [json.loads(l) for l in open(out, encoding="utf-8")]
assert len(recs) == len(files), (len(recs), files)
for rec, n, f in zip(recs, want, files):
    text = open(f, encoding="utf-8").read()
    s = rec["sentences"]
    assert len(s) == int(n), (f, len(s), n)
    assert [x["index"] for x in s] == sorted(x["index"] for x in s), f
    for x in s:
        assert x["text"] in text, (f, x["text"])
PY
}

for m in $methods; do
	p -m "$m" -n 3 -f json "$sample" "$one" "$two"
	expect_rc "$m json" 0
	expect_empty_err "$m json"
	check_json 3,1,2 "$sample" "$one" "$two" && ok || bad "$m: counts or verbatim picks"
	cp "$tmp/out" "$tmp/first"
	p -m "$m" -n 3 -f json "$sample" "$one" "$two"
	if cmp -s "$tmp/out" "$tmp/first"; then ok; else bad "$m: not deterministic"; fi
	p -m "$m" -n 2 "$headed"
	expect_lines "$m headed" 2
	expect_no_out "$m headed: no headline" "Storm Floods Coastal Villages"
	p -m "$m" -n 5 --set redundancy=1 "$long"
	expect_lines "$m long" 5
	p -m "$m" --ratio=0.1 --set redundancy=1 "$long"
	expect_lines "$m ratio" 4
done

# random: the seed decides, and different seeds can pick differently.
p -m random --seed 42 -n 3 "$long"
expect_lines "random seed" 3
cp "$tmp/out" "$tmp/seed42"
p -m random --seed 42 -n 3 "$long"
if cmp -s "$tmp/out" "$tmp/seed42"; then ok; else bad "random: same seed, other picks"; fi
differ=0
for s in 1 2 3 4 5 6 7 8; do
	p -m random --seed "$s" -n 3 "$long"
	cmp -s "$tmp/out" "$tmp/seed42" || differ=$((differ + 1))
done
if [ "$differ" -gt 0 ]; then ok; else bad "random ignores --seed"; fi
# Deterministic methods accept --seed and ignore it.
p -m lexrank --seed 1 -n 3 "$sample"
cp "$tmp/out" "$tmp/s1"
p -m lexrank --seed 2 -n 3 "$sample"
if cmp -s "$tmp/out" "$tmp/s1"; then ok; else bad "lexrank depends on --seed"; fi

# Method parameters are accepted within bounds and refused outside.
for kv in luhn-min-count=3 luhn-gap=2 edmundson-cue=2 edmundson-key=1 \
	edmundson-title=0 edmundson-location=0.5 lexrank-threshold=0.1 \
	lexrank-jump=0.2 textrank-damping=0.5 lsa-sigma-ratio=0 \
	centroid-position=0 centroid-first=2 centroid-redundancy=0; do
	p --set "$kv" -n 3 -m "${kv%%-*}" "$sample"
	expect_rc "--set $kv" 0
	expect_lines "--set $kv" 3
done
p --set lexrank-threshold=2 -m lexrank "$sample"
expect_rc "lexrank-threshold out of range" 2

finish
