#!/bin/sh
# End-to-end tests of `precis rouge`: options, exit codes, and the numbers of
# ROUGE-1.5.5 (a fixture always; the full golden files of ../shared/eval
# when they are there).
. "$top_srcdir/tests/cli/setup"
data="$top_srcdir/tests/data/rouge"
golden="-c 95 -2 4 -U -r 1000 -n 4 -w 1.2 -a -d"

p rouge --help
expect_rc help 0
expect_out help "Usage: precis rouge"

p rouge
expect_rc no-operands 2
expect_err no-operands "precis rouge --help"
p rouge --bogus a b
expect_rc bad-option 2
p rouge -n 9 "$data/cand.txt" "$data/ref1.txt"
expect_rc bad-n 2
p rouge -l 5 -b 5 "$data/cand.txt" "$data/ref1.txt"
expect_rc both-limits 2
p rouge "$tmp/missing.txt" "$data/ref1.txt"
expect_rc missing-file 1
expect_err missing-file "missing.txt"

printf '{"id":"a","candidate":"x y","references":["x"]}\n{oops\n' >"$tmp/bad.jsonl"
p rouge --pairs "$tmp/bad.jsonl"
expect_rc bad-jsonl 3
expect_err bad-jsonl "line 2"
expect_err bad-jsonl "bad.jsonl"
printf '{"id":"a","candidate":"x","references":[1]}\n' >"$tmp/bad2.jsonl"
p rouge --pairs "$tmp/bad2.jsonl"
expect_rc bad-references 3
expect_err bad-references "line 1"
# Every bad line is reported, and the good ones around them are scored:
# invalid JSON, references that are a string (not a list), no references,
# no candidate; the exit status says some were skipped.
cat >"$tmp/mixed.jsonl" <<'J'
{"id":"a","candidate":"rain fell","references":["rain fell"]}
{oops
{"id":"s","candidate":"rain fell","references":"rain fell"}
{"id":"e","candidate":"rain fell","references":[]}
{"id":"c","references":["rain fell"]}
{"id":"b","candidate":"snow fell","references":["rain fell"]}
J
p rouge --pairs "$tmp/mixed.jsonl" --format=json -d
expect_rc mixed-pairs 3
expect_err mixed-pairs "mixed.jsonl: line 2: invalid JSON"
expect_err mixed-pairs "mixed.jsonl: line 3: \"references\" must be an array of strings"
expect_err mixed-pairs "mixed.jsonl: line 4: no references"
expect_err mixed-pairs "mixed.jsonl: line 5: \"candidate\" must be a string"
python3 - "$tmp/out" <<'PY' && ok || bad "mixed-pairs: the good pairs scored"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["n_pairs"] == 2, r["n_pairs"]
assert [d["id"] for d in r["per_doc"]] == ["a", "b"], r["per_doc"]
PY
# The fast path (a plain line) refuses a string as references too.
printf '{"id":"s","candidate":"x","references":"x"}\n' >"$tmp/str.jsonl"
p rouge --pairs "$tmp/str.jsonl"
expect_rc string-references 3
expect_err string-references "line 1: \"references\" must be an array of strings"

# file mode: one candidate, two references
p rouge "$data/cand.txt" "$data/ref1.txt" "$data/ref2.txt"
expect_rc files 0
expect_out files "ROUGE-SU4"
expect_out files "1 pair(s)"
p rouge -o "$tmp/out.json" --format=json "$data/cand.txt" "$data/ref1.txt"
expect_rc output-file 0
if grep -q '"ROUGE-W-1.2"' "$tmp/out.json"; then ok; else bad "output-file: no JSON"; fi

# 1.5.5's flags choose the metrics as 1.5.5 does: -n 2 gives 1, 2 and L
p rouge --format=rouge155 -n 2 "$data/cand.txt" "$data/ref1.txt"
expect_rc legacy 0
expect_out legacy "SYS ROUGE-L Average_F:"
expect_no_out legacy "ROUGE-3"
expect_no_out legacy "ROUGE-W"

# an empty reference scores, where 1.5.5 dies
printf '{"id":"e","candidate":"Rain is expected tomorrow.","references":["Rain expected tomorrow.",""]}\n' >"$tmp/empty.jsonl"
p rouge --pairs "$tmp/empty.jsonl" --format=json -d $golden -m
expect_rc empty-ref 0
expect_out empty-ref '"per_doc"'

# the unicode tokenizer rejects invalid UTF-8, naming the file
printf 'caf\377\n' >"$tmp/bad.txt"
p rouge --tokenize=unicode "$data/cand.txt" "$tmp/bad.txt"
expect_rc bad-utf8 3
expect_err bad-utf8 "bad.txt"
p rouge --tokenize=unicode --lang=ru -m "$data/cand.txt" "$data/ref1.txt"
expect_rc unicode 0

# the fixture: per-pair values printed by ROUGE-1.5.5
for mode in stem nostem; do
	flag=
	[ "$mode" = stem ] && flag=-m
	p rouge --pairs "$data/pairs.jsonl" --format=rouge155 $golden $flag
	expect_rc "fixture-$mode" 0
	grep ' Eval ' "$tmp/out" >"$tmp/got"
	if diff "$data/expected_$mode.txt" "$tmp/got" >"$tmp/diff"; then ok
	else bad "fixture-$mode: $(head -5 "$tmp/diff")"; fi
done

# the golden files: every printed line of 1.5.5, per-pair ids aside
if [ -d "${SHARED_EVAL:-/nonexistent}/rouge" ]; then
	g="$SHARED_EVAL/rouge"
	for mode in stem nostem; do
		flag= exp="$g/toy_expected_nostem.json"
		[ "$mode" = stem ] && flag=-m exp="$g/toy_expected.json"
		p rouge --pairs "$g/toy_pairs.jsonl" --format=rouge155 $golden $flag
		expect_rc "toy-$mode" 0
		pat='SYS ROUGE-[^ ]* \(Average_[RPF]: [0-9.]* ([0-9]*%-conf\.int\. [0-9.]* - [0-9.]*)\|Eval [^ ]* R:[0-9.]* P:[0-9.]* F:[0-9.]*\)'
		grep -o "$pat" "$exp" | sed 's/Eval [^ ]*/Eval X/' >"$tmp/want"
		sed 's/Eval [^ ]*/Eval X/' "$tmp/out" | grep -o "$pat" >"$tmp/got"
		n=$(wc -l <"$tmp/want" | tr -d ' ')
		if [ "$n" -eq 304 ] && diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then ok
		else bad "toy-$mode: $n lines; $(head -4 "$tmp/diff")"; fi
	done
else
	echo "SKIP: ../shared/eval not found: golden files not compared"
fi

finish
