#!/bin/sh
# precis train on a tiny synthetic data set whose references are always
# the second sentence: the model it writes must pick the second sentence;
# the same command writes the same bytes; --model with a bad model file
# exits 3 naming its line, on summarize and on eval.
. "$top_srcdir/tests/cli/setup"

# 12 articles of 6 made-up sentences; the reference is sentence 2.
awk 'BEGIN {
	split("ka lo mi ne ru sa ti vo ba de fi go pu ze", syl, " ")
	seed = 7
	for (a = 1; a <= 12; a++) {
		text = ""; ref = ""
		for (s = 1; s <= 6; s++) {
			n = 8 + (a * 7 + s * 3) % 5; sent = ""
			for (w = 1; w <= n; w++) {
				wd = ""
				for (k = 1; k <= 3; k++) {
					seed = (seed * 1103515245 + 12345) % 2147483648
					wd = wd syl[int(seed / 65536) % 14 + 1]
				}
				if (w == 1) wd = toupper(substr(wd, 1, 1)) substr(wd, 2)
				sent = sent wd (w < n ? " " : ".")
			}
			text = text (s > 1 ? " " : "") sent
			if (s == 2) ref = sent
		}
		printf "{\"id\":\"a%d\",\"article\":\"%s\",\"references\":[\"%s\"]}\n", a, text, ref
	}
}' >"$tmp/k2.jsonl"

p train -n 1 --folds=3 -o "$tmp/k2.model" "$tmp/k2.jsonl"
expect_rc "train" 0
expect_out "train report" "12 articles"
expect_out "train report: lead" "lead"
head -1 "$tmp/k2.model" | grep -q "^precis-model	1$" && ok || bad "model header"
grep -q "^# trained by precis .*: precis train -n 1 --folds=3 " "$tmp/k2.model" &&
	ok || bad "the command line as a comment"
if grep -q "k2.model" "$tmp/k2.model"; then bad "the output path in the model"; else ok; fi

# Every article: the learned model picks sentence 2, Lead sentence 1.
sed -n 's/.*"article":"\([^"]*\)".*/\1/p' "$tmp/k2.jsonl" >"$tmp/articles"
sed -n 's/.*"references":\["\([^"]*\)"\].*/\1/p' "$tmp/k2.jsonl" >"$tmp/refs"
i=0
while IFS= read -r art; do
	i=$((i + 1))
	printf '%s\n' "$art" >"$tmp/a.txt"
	p --model "$tmp/k2.model" -n 1 "$tmp/a.txt"
	[ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = "$(sed -n "${i}p" "$tmp/refs")" ] &&
		ok || bad "article $i: the model does not pick sentence 2"
done <"$tmp/articles"
p -m lead -n 1 "$tmp/a.txt"
[ "$(cat "$tmp/out")" != "$(sed -n "${i}p" "$tmp/refs")" ] && ok || bad "lead picks sentence 2 too"

# eval with --model: the learned system is the model, far above lead.
p eval -n 1 --resamples=0 -f json --model "$tmp/k2.model" "$tmp/k2.jsonl"
expect_rc "eval --model" 0
expect_out "eval --model system" '"name": "learned"'

# Determinism: the same data and options, the same bytes (the output
# path is not part of the model).
p train -n 1 --folds=3 -o "$tmp/again.model" "$tmp/k2.jsonl"
cmp -s "$tmp/k2.model" "$tmp/again.model" && ok || bad "a second training differs"
p train -n 1 --folds=3 -o - "$tmp/k2.jsonl"
expect_rc "train -o -" 0
cmp -s "$tmp/k2.model" "$tmp/out" && ok || bad "-o - writes another model"
expect_err "train -o -: the report on stderr" "12 articles"

# Bundles: each data set its own model.
head -6 "$tmp/k2.jsonl" >"$tmp/g1.jsonl"
tail -6 "$tmp/k2.jsonl" >"$tmp/g2.jsonl"
p train -n 1 --folds=2 --bundle --names=one,two -o "$tmp/b.model" "$tmp/g1.jsonl" "$tmp/g2.jsonl"
expect_rc "train --bundle" 0
grep -q "^model	two$" "$tmp/b.model" && ok || bad "the bundle's second model"
grep -q "^gate	" "$tmp/b.model" && ok || bad "the bundle's choice"

# Usage errors.
p train "$tmp/k2.jsonl"
expect_rc "no -o" 2
expect_err "no -o" "-o MODEL is required"
p train --loss=hinge -o "$tmp/x.model" "$tmp/k2.jsonl"
expect_rc "bad loss" 2
p train --features=nosuch -o "$tmp/x.model" "$tmp/k2.jsonl"
expect_rc "bad feature" 2
expect_err "bad feature" "unknown feature 'nosuch'"
p train --folds=20 -o "$tmp/x.model" "$tmp/k2.jsonl"
expect_rc "more folds than articles" 2
p train --names=a,b -o "$tmp/x.model" "$tmp/k2.jsonl"
expect_rc "--names without --bundle" 2
p train --list-features
expect_rc "--list-features" 0
expect_out "--list-features" "lexrank-rank"
expect_out "--list-features: document features" "doc-sentences"
printf '{"id":"x","article":"","references":["a"]}\n' >"$tmp/empty.jsonl"
p train -o "$tmp/x.model" "$tmp/empty.jsonl"
expect_rc "no usable records" 3

# Bad model files: exit 3 with the line.
printf 'precis-model\t1\nmodel\tm\nweight\tnosuch\t1\n' >"$tmp/bad.model"
p --model "$tmp/bad.model" "$tmp/a.txt"
expect_rc "bad model" 3
expect_err "bad model: its line" "bad.model: line 3: unknown feature 'nosuch'"
p eval --model "$tmp/bad.model" "$tmp/k2.jsonl"
expect_rc "eval: bad model" 3
expect_err "eval: bad model: its line" "line 3: unknown feature"
printf 'precis-model\t7\n' >"$tmp/v7.model"
p --model "$tmp/v7.model" "$tmp/a.txt"
expect_rc "unsupported version" 3
expect_err "unsupported version" "line 1: model format version '7' not supported"
p --model "$tmp/missing.model" "$tmp/a.txt"
expect_rc "missing model" 1
p -m tfidf --model "$tmp/k2.model" "$tmp/a.txt"
expect_rc "--model with another method" 2

finish
