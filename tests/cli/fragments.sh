#!/bin/sh
# Real files (tests/data/input/fixtures: a licence, READMEs in text and
# Markdown, e-mails, book chapters with and without indented paragraphs,
# an RFC, a poem, a PDF export with page breaks; each with the units a
# reader sees): no pick, at --ratio 1 or -n 5, is a fragment of a unit, a
# merge of two, or markup (tests/bench/fragments.py).
. "$top_srcdir/tests/cli/setup"
: >"$tmp/out"
: >"$tmp/err"
command -v python3 >/dev/null 2>&1 || skip "python3 not found"
if python3 "$top_srcdir/tests/bench/fragments.py" --precis "$PRECIS" -v \
	--max-bad 0 >"$tmp/fragments" 2>&1; then
	ok
else
	cat "$tmp/fragments"
	bad "fragments picked"
fi
finish
