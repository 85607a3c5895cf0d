#!/bin/sh
# Background IDF models: build, merge, use, and their errors.
. "$top_srcdir/tests/cli/setup"

printf 'The council met on Monday. The council voted.\n' >"$tmp/d1.txt"
printf 'Rain fell on Monday in the hills.\n' >"$tmp/d2.txt"
p idf build -o "$tmp/m1.idf" "$tmp/d1.txt" "$tmp/d2.txt"
expect_rc "build" 0
head -1 "$tmp/m1.idf" | grep -q "^precis-idf	1	en	2$" && ok || bad "header"
grep -q "^monday	2$" "$tmp/m1.idf" && ok || bad "monday counted in both documents"
grep -q "^council	1$" "$tmp/m1.idf" && ok || bad "council counted once per document"
if grep -q "^the	" "$tmp/m1.idf"; then bad "stopword in model"; else ok; fi

printf '{"id":1,"text":"Rain again on Tuesday."}\n{"id":2,"article":"Council news."}\n' >"$tmp/c.jsonl"
p idf build --input=jsonl -o "$tmp/m2.idf" "$tmp/c.jsonl"
expect_rc "build jsonl" 0
head -1 "$tmp/m2.idf" | grep -q "	2$" && ok || bad "jsonl documents counted"

p idf merge -o "$tmp/m.idf" "$tmp/m1.idf" "$tmp/m2.idf"
expect_rc "merge" 0
head -1 "$tmp/m.idf" | grep -q "	4$" && ok || bad "merged document count"
grep -q "^council	2$" "$tmp/m.idf" && ok || bad "merged df adds"
grep -q "^rain	2$" "$tmp/m.idf" && ok || bad "merged df adds (rain)"
# Merging is order-independent.
p idf merge "$tmp/m2.idf" "$tmp/m1.idf"
cmp -s "$tmp/out" "$tmp/m.idf" && ok || bad "merge order changes the model"

p --idf="$tmp/m.idf" -n 1 "$tmp/d1.txt"
expect_rc "--idf" 0
printf 'not a model\n' >"$tmp/bad.idf"
p --idf="$tmp/bad.idf" "$tmp/d1.txt"
expect_rc "bad model" 3
expect_err "bad model" "line 1: not a precis IDF model"
printf 'precis-idf\t1\ten\t3\nword\tx\n' >"$tmp/bad2.idf"
p --idf="$tmp/bad2.idf" "$tmp/d1.txt"
expect_rc "bad model line" 3
expect_err "bad model line" "line 2"
printf 'precis-idf\t1\tGerman\t3\nwort\t2\n' >"$tmp/named.idf"
p -l de --idf="$tmp/named.idf" "$tmp/d1.txt"
expect_rc "a model's language by name" 0
printf 'precis-idf\t1\tklingon\t3\n' >"$tmp/kl.idf"
p --idf="$tmp/kl.idf" "$tmp/d1.txt"
expect_rc "a model of an unknown language" 3
# A build with an input that cannot be read fails with the read's status,
# once, without a crash (the failed read's buffer was freed twice), and
# writes no model: an existing -o file stays as it was.
printf 'old model\n' >"$tmp/keep.idf"
p idf build -o "$tmp/keep.idf" "$tmp/d1.txt" "$tmp/missing.txt" "$tmp/d2.txt"
expect_rc "build with a missing input" 1
expect_err "build with a missing input" "missing.txt"
grep -qx 'old model' "$tmp/keep.idf" && ok || bad "a failed build replaced the -o file"
p idf build "$tmp/d1.txt" "$tmp/missing.txt"
expect_rc "build GOOD MISSING" 1
expect_lines "a failed build writes no model" 0
printf '{"id":1,"text":"Rain again on Tuesday."}\nnot json\n' >"$tmp/bad-rec.jsonl"
p idf build --input=jsonl -o "$tmp/keep.idf" "$tmp/bad-rec.jsonl"
expect_rc "build with a bad record" 3
grep -qx 'old model' "$tmp/keep.idf" && ok || bad "a build with a bad record replaced the -o file"
: >"$tmp/empty.jsonl"
p idf build --input=jsonl "$tmp/empty.jsonl"
expect_rc "build of no document" 3
expect_err "build of no document" "no document"

# Models that cannot be right are refused with their line, not loaded.
# bad_model NAME LINE CONTENT: --idf and idf merge both refuse it.
bad_model() {
	printf "$3" >"$tmp/absurd.idf"
	p --idf="$tmp/absurd.idf" "$tmp/d1.txt"
	expect_rc "$1 (--idf)" 3
	expect_err "$1 (--idf)" "absurd.idf: line $2:"
	p idf merge "$tmp/absurd.idf"
	expect_rc "$1 (merge)" 3
}
bad_model "1e20 documents" 1 'precis-idf\t1\ten\t1e20\nrain\t1\n'
bad_model "0 documents" 1 'precis-idf\t1\ten\t0\n'
bad_model "fractional documents" 1 'precis-idf\t1\ten\t2.5\nrain\t1\n'
bad_model "df above the document count" 3 'precis-idf\t1\ten\t2\nrain\t1\nsnow\t3\n'
bad_model "df 0" 2 'precis-idf\t1\ten\t2\nrain\t0\n'
bad_model "duplicate term" 4 'precis-idf\t1\ten\t2\nrain\t1\nsnow\t1\nrain\t1\n'
bad_model "NUL in a term" 2 'precis-idf\t1\ten\t2\nra\000in\t1\n'
bad_model "invalid UTF-8 in a term" 2 'precis-idf\t1\ten\t2\nra\377in\t1\n'
printf 'precis-idf\t1\ten\t9007199254740992\nrain\t9007199254740992\n' >"$tmp/max.idf"
p idf merge "$tmp/max.idf"
expect_rc "counts up to 2^53 load" 0
p idf merge "$tmp/max.idf" "$tmp/max.idf"
expect_rc "a merge past 2^53" 3
expect_err "a merge past 2^53" "count too large"
p idf build -l de -o "$tmp/de.idf" "$tmp/d2.txt"
p idf merge "$tmp/de.idf" "$tmp/m.idf"
expect_rc "merge across languages" 3
p -l de --idf="$tmp/m.idf" "$tmp/d1.txt"
expect_rc "model of another language" 2
p idf
expect_rc "idf without subcommand" 2
p idf frobnicate
expect_rc "idf bad subcommand" 2
p idf --help
expect_rc "idf --help" 0
# --stopwords=FILE replaces the language's list (idf build, summarize);
# an unreadable file is an I/O error, a list that is not UTF-8 bad input.
printf 'The cat sat on the mat. The dog sat on the log.\n' >"$tmp/sw-doc.txt"
printf 'cat\nsat\n' >"$tmp/sw.txt"
p idf build --stopwords="$tmp/sw.txt" "$tmp/sw-doc.txt"
expect_rc stopwords 0
expect_out stopwords "$(printf 'the\t1')"
expect_no_out stopwords-cat "$(printf 'cat\t1')"
p idf build "$tmp/sw-doc.txt"
expect_out stopwords-default "$(printf 'cat\t1')"
expect_no_out stopwords-default-the "$(printf 'the\t1')"
p --stopwords="$tmp/missing" "$tmp/sw-doc.txt"
expect_rc stopwords-missing 1
expect_err stopwords-missing "cannot read stopword list"
printf 'a\n\377\n' >"$tmp/sw-bad.txt"
p idf build --stopwords="$tmp/sw-bad.txt" "$tmp/sw-doc.txt"
expect_rc stopwords-utf8 3
p eval --stopwords="$tmp/missing" "$tmp/sw-doc.txt"
expect_rc stopwords-eval 1

finish
