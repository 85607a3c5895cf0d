#!/bin/sh
# The seed article (../shared/eval/seed): three sentences, verbatim, none
# twice, none of the headline, '+', '[…]' or tag lines, the lead first.
. "$top_srcdir/tests/cli/setup"

seed="${SHARED_EVAL:-$top_srcdir/../shared/eval}/seed/putin-china-visit.txt"
[ -f "$seed" ] || skip "seed article not found at $seed (../shared/eval is absent)"

p "$seed"
expect_rc "seed" 0
expect_lines "seed" 3
python3 - "$seed" "$tmp/out" <<'PY' && ok || bad "seed picks"
import sys
art = open(sys.argv[1], encoding="utf-8").read()
picks = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert len(picks) == 3, picks
assert len(set(picks)) == 3, "a sentence picked twice"
assert picks[0].startswith("Russian President Vladimir Putin arrived in China on Thursday morning"), picks[0]
for s in picks:
    assert s in art, "not verbatim: " + s
    assert not s.startswith("Putin Arrives in China For State Visit"), "headline"
    assert s.strip() not in ("+", "[…]", "Tags:"), s
    assert "[…]" not in s, s
    assert "Tags:" not in s and "TheDailyGuardian" not in s, s
    assert "region.CNN" not in s, "missed the split at region.CNN"
PY
finish
