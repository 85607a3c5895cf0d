#!/bin/sh
# Batch summarizing under GNU parallel (--pipe chunks of one JSONL input
# summarized by several processes): every record comes back exactly once,
# a bad one as its error record, and --id-prefix keeps the ids of id-less
# records apart across chunks.
. "$top_srcdir/tests/cli/setup"
not_under_valgrind "GNU parallel's chunking is not precis's memory; batch.sh runs the JSONL batch there"
command -v parallel >/dev/null 2>&1 || skip "GNU parallel is not installed"
parallel --version 2>/dev/null | grep -q "GNU parallel" || skip "parallel is not GNU parallel"

# 300 records: most with an id, every 7th without one, every 50th not
# JSON, every 31st without a sentence.
python3 - >"$tmp/in.jsonl" <<'PY'
import json
for i in range(300):
    if i % 50 == 49:
        print("{broken record %d" % i)
        continue
    text = ("Record %d opens the day. The council met %d times to weigh the "
            "budget. Schools will hire %d teachers. Roads by the river need "
            "repair." % (i, i, i))
    rec = {"id": "r%d" % i, "text": "+\n***" if i % 31 == 30 else text}
    if i % 7 == 3:
        del rec["id"]
    print(json.dumps(rec))
PY

# check FILE KEPT: the output against the input (KEPT: in input order).
check() {
	python3 - "$tmp/in.jsonl" "$1" "$2" <<'PY'
import json, re, sys
src = open(sys.argv[1]).read().splitlines()
out = [json.loads(l) for l in open(sys.argv[2])]
kept = sys.argv[3] == "1"
assert len(out) == len(src), (len(out), len(src))
ids = [r["id"] for r in out]
assert len(set(ids)) == len(ids), "an id comes back twice"
def expect(line):
    try:
        rec = json.loads(line)
    except ValueError:
        return None, "error"
    return rec.get("id"), "error" if rec["text"].startswith("+") else "summary"
want = [expect(l) for l in src]
if kept:
    for (wid, kind), r in zip(want, out):
        assert kind in r, (wid, kind, r)
        if wid is not None:
            assert r["id"] == wid, (wid, r)
        else:
            assert re.fullmatch(r"c\d+-line-\d+", r["id"]), r
else:
    named = sorted(w for w, _ in want if w is not None)
    assert sorted(i for i in ids if i.startswith("r")) == named
assert sum("error" in r for r in out) == sum(k == "error" for _, k in want)
PY
}

# Small blocks, so the input goes out in many chunks to two processes.
run() {
	rc=0
	parallel --will-cite --pipe --block 2k -j 2 "$@" \
		${PRECIS_EXEC:-} "$PRECIS" --input=jsonl -n 1 --id-prefix='c{#}-' \
		<"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
run -k
if check "$tmp/out" 1; then ok; else bad "parallel -k: records lost, doubled or out of place"; fi
if grep -q "Segmentation\|Aborted\|core dumped" "$tmp/err"; then bad "a chunk crashed"; else ok; fi
run
if check "$tmp/out" 0; then ok; else bad "parallel: records lost or doubled"; fi
# Chunks did not all fail, and the errors were reported on stderr.
expect_err "errors reported" "invalid JSON"
[ "$rc" -gt 0 ] && ok || bad "parallel: the chunks' status 3 did not come through"
finish
