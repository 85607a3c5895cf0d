#!/bin/sh
# Every ranking method end to end: listed by --list-methods, runs on the
# sample article and on small fixtures, returns the requested count (or
# every sentence when there are fewer), gives the same output twice, and
# random follows --seed.
. "$top_srcdir/tests/cli/setup"

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

# run NAME WANT ARGS...: exit 0, WANT lines, the same output on a rerun.
run() {
	name=$1 want=$2
	shift 2
	p "$@"
	expect_rc "$name" 0
	expect_lines "$name" "$want"
	expect_empty_err "$name"
	cp "$tmp/out" "$tmp/first"
	p "$@"
	if cmp -s "$tmp/out" "$tmp/first"; then ok; else bad "$name: not deterministic"; fi
}

for m in $methods; do
	run "$m sample" 3 -m "$m" -n 3 "$sample"
	run "$m one" 1 -m "$m" -n 3 "$one"
	run "$m two" 2 -m "$m" -n 3 "$two"
	run "$m headed" 2 -m "$m" -n 2 "$headed"
	expect_no_out "$m headed: no headline" "Storm Floods Coastal Villages"
	run "$m long" 5 -m "$m" -n 5 --set redundancy=1 "$long"
	run "$m ratio" 4 -m "$m" --ratio=0.1 --set redundancy=1 "$long"
	# Picks are verbatim sentences of the input.
	p -m "$m" -n 3 "$sample"
	bad_lines=0
	while IFS= read -r line; do
		grep -qF -- "$line" "$sample" || bad_lines=$((bad_lines + 1))
	done <"$tmp/out"
	if [ "$bad_lines" -eq 0 ]; then ok; else bad "$m: $bad_lines picks not verbatim"; fi
	# Many files in one process, one JSON object per line each.
	p -m "$m" -n 3 -f json "$sample" "$two" "$one"
	expect_rc "$m json" 0
	expect_lines "$m json" 3
done

# random: the seed decides, and different seeds can pick differently.
run "random seed" 3 -m random --seed 42 -n 3 "$long"
cp "$tmp/out" "$tmp/seed42"
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
