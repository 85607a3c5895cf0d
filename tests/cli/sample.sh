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
# The README shows this very output: keep it true.
readme="$top_srcdir/README.md"
awk '/^\$ \.\/precis data\/samples\/diplomacy-visit.txt$/ { on = 1; next }
     on && /^```/ { exit } on { print }' "$readme" >"$tmp/readme_out"
p "$sample"
if [ -s "$tmp/readme_out" ] && cmp -s "$tmp/out" "$tmp/readme_out"; then ok
else bad "README's sample output differs from precis's: $(diff "$tmp/readme_out" "$tmp/out" | head -5)"; fi
finish
