#!/bin/sh
# The project's sample article: what the README's first command must print.
. "$top_srcdir/tests/cli/setup"

p "$sample"
expect_rc "sample" 0
expect_lines "sample" 3
python3 - "$sample" "$tmp/out" <<'PY' && ok || bad "sample picks"
import sys
art = open(sys.argv[1], encoding="utf-8").read()
picks = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert len(picks) == 3 and len(set(picks)) == 3, picks
assert picks[0].startswith("Lorvanian Prime Minister Helena Varga landed in Oslo"), picks[0]
for s in picks:
    assert s in art, "not verbatim: " + s
    assert not s.startswith("Lorvanian Leader Lands"), "headline"
    assert "[…]" not in s and "Tags:" not in s and "Offshore wind" not in s, s
    assert "grid.The" not in s, "missed the split at grid.The"
PY
# The glued sentence is split: both halves stand alone.
p split "$sample"
expect_out "split before The Nordic" "The Nordic Energy Review reports that the cable alone"
finish
