#!/bin/sh
# Real documents in (the input stage's acceptance): news articles of
# ../shared/eval/datasets (a seeded sample of the BBC tuning records)
# rewritten hard-wrapped at 40 to 100 columns, with CRLF, with indented
# paragraphs with and without blank lines, as Markdown (a heading,
# wrapped paragraphs with inline markup, a list of links after) and inside
# a web page (navigation, banners, asides, comments, scripts, entities, five
# templates from tests/bench/gen_pages.py) must give
# the clean article's picks for 98% of articles at least, in every shape
# and for every method (tests/bench/shapes.py; its full runs are in the
# README). Skipped without the data sets or python3, and under valgrind,
# where its thousands of runs would take an hour.
. "$top_srcdir/tests/cli/setup"
: >"$tmp/out"
: >"$tmp/err"
data="${SHARED_EVAL:-$top_srcdir/../shared/eval}/datasets"
[ -f "$data/bbc_news_summary.jsonl" ] ||
	skip "no data sets at $data (set SHARED_EVAL to shared/eval)"
command -v python3 >/dev/null 2>&1 || skip "python3 not found"
[ -z "${PRECIS_EXEC:-}" ] || skip "not under $PRECIS_EXEC: too slow"
if python3 "$top_srcdir/tests/bench/shapes.py" --precis "$PRECIS" \
	--datasets "$data" --select bbc-tune --limit 150 -j 2 --min-rate 0.98 \
	>"$tmp/shapes" 2>&1; then
	ok
else
	cat "$tmp/shapes"
	bad "a shape below 98%"
fi
tail -n 3 "$tmp/shapes"
finish
