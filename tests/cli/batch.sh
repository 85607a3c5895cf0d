#!/bin/sh
# Batch summarization: --input=jsonl in, one JSON record per line out.
. "$top_srcdir/tests/cli/setup"

cat >"$tmp/in.jsonl" <<'J'
{"id": "one", "text": "The council approved the budget on Monday. Schools across the county will hire new teachers. Several old roads near the river are repaired."}
not json

{"id": 7, "article": "Rain fell on the hills overnight. Rivers rose quickly.", "title": "Rivers rise"}
{"id": "nothing"}
J
# One record out per record in, in order: a bad one (not JSON, no text)
# as {"id", "line", "error"} in its place, so that output pairs with input
# by position; blank lines are no records. Status 3 tells of the errors.
p --input=jsonl -n 2 "$tmp/in.jsonl"
expect_rc "bad records reported, status 3" 3
expect_err "bad JSON line" "in.jsonl: line 2: invalid JSON"
expect_err "missing text" "in.jsonl: line 5: no \"text\" or \"article\" string"
expect_lines "a record out per record in" 4
python3 - "$tmp/out" <<'PY' && ok || bad "record shape"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs[0]["id"] == "one" and len(recs[0]["summary"]) == 2
assert recs[0]["sentences"] == sorted(recs[0]["sentences"])
assert recs[1] == {"id": "line-2", "line": 2,
                   "error": recs[1]["error"]}, recs[1]
assert recs[1]["error"].startswith("invalid JSON: "), recs[1]
assert recs[2]["id"] == "7" and recs[2]["summary"][0].startswith("Rain fell")
assert recs[3] == {"id": "nothing", "line": 5,
                   "error": 'no "text" or "article" string'}, recs[3]
PY
p --input=jsonl --drop-errors -n 2 "$tmp/in.jsonl"
expect_rc "--drop-errors" 3
expect_lines "--drop-errors: the good records only" 2
expect_err "--drop-errors still reports" "in.jsonl: line 5:"
p --input=jsonl --strict "$tmp/in.jsonl"
expect_rc "--strict" 3
expect_lines "--strict stops at line 2, its error record out" 2
p --input=jsonl --strict --drop-errors "$tmp/in.jsonl"
expect_lines "--strict --drop-errors" 1

# -f json: each record as summarize -f json prints a file, with "id" for
# "file": every pick's index, byte offset and length, score and rank (1 for
# the one the method rated highest), and its text.
p --input=jsonl -f json -n 2 "$tmp/in.jsonl"
expect_rc "-f json records" 3
expect_lines "-f json: a record per record" 4
python3 - "$tmp/out" "$tmp/in.jsonl" <<'PY' && ok || bad "-f json record shape"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
src = json.loads(open(sys.argv[2]).readline())["text"].encode()
r = recs[0]
assert set(r) == {"id", "sentences", "language"} and r["id"] == "one", r
assert len(r["sentences"]) == 2
for s in r["sentences"]:
    assert set(s) == {"index", "offset", "length", "score", "rank", "text"}, s
    assert src[s["offset"]:s["offset"] + s["length"]].decode() == s["text"]
ranks = sorted(s["rank"] for s in r["sentences"])
assert ranks == [1, 2], ranks
best = min(r["sentences"], key=lambda s: s["rank"])
assert best["score"] == max(s["score"] for s in r["sentences"])
assert [s["index"] for s in r["sentences"]] == sorted(s["index"] for s in r["sentences"])
assert recs[1]["id"] == "line-2" and "error" in recs[1]
assert recs[2]["id"] == "7" and recs[2]["sentences"][0]["rank"] == 1
PY
# The file form has ranks too.
p -f json -n 3 "$sample"
python3 - "$tmp/out" <<'PY' && ok || bad "-f json ranks"
import json, sys
r = json.load(open(sys.argv[1]))
by_rank = sorted(r["sentences"], key=lambda s: s["rank"])
assert [s["rank"] for s in by_rank] == [1, 2, 3]
assert [s["score"] for s in by_rank] == sorted((s["score"] for s in by_rank), reverse=True)
PY

# --id-prefix names the records without an id (and the unreadable lines),
# so that chunks of one input summarized apart (parallel --pipe) do not
# both say "line-1"; a record's own id stays.
p --input=jsonl --id-prefix=part3: -n 1 "$tmp/in.jsonl"
python3 - "$tmp/out" <<'PY' && ok || bad "--id-prefix"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == ["one", "part3:line-2", "7", "nothing"], ids
PY
printf '{"text": "Rain fell on the hills overnight. Rivers rose quickly."}\n' >"$tmp/noid.jsonl"
p --input=jsonl --id-prefix=c9- "$tmp/noid.jsonl"
expect_out "--id-prefix on an id-less record" '"id":"c9-line-1"'
p --input=jsonl --id-prefix="$(printf '%0300d' 0)" "$tmp/noid.jsonl"
expect_rc "--id-prefix too long" 2
p --input=jsonl -o "$tmp/o.jsonl" "$tmp/in.jsonl"
if [ -s "$tmp/o.jsonl" ]; then ok; else bad "-o keeps the good records of a lenient batch"; fi
p --input=csv "$tmp/in.jsonl"
expect_rc "bad input format" 2

# A record without a usable id (none, null, a number that is not an
# integer, an object) is named by its line, as eval names it.
cat >"$tmp/ids.jsonl" <<'J'
{"text": "Rain fell on the hills overnight. Rivers rose quickly."}
{"id": null, "text": "Rain fell on the hills overnight. Rivers rose quickly."}

{"id": 2.5, "text": "Rain fell on the hills overnight. Rivers rose quickly."}
{"id": {"k": 1}, "text": "Rain fell on the hills overnight. Rivers rose quickly."}
{"id": -12, "text": "Rain fell on the hills overnight. Rivers rose quickly."}
{"id": "", "text": "Rain fell on the hills overnight. Rivers rose quickly."}
J
p --input=jsonl -n 1 "$tmp/ids.jsonl"
expect_rc "ids" 0
python3 - "$tmp/out" <<'PY' && ok || bad "ids: line-N where no usable id"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == ["line-1", "line-2", "line-4", "line-5", "-12", ""], ids
PY
sed 's/"text"/"references": ["Rain fell."], "article"/' "$tmp/ids.jsonl" >"$tmp/ids-eval.jsonl"
p eval -n 1 --per-doc="$tmp/perdoc.jsonl" "$tmp/ids-eval.jsonl"
expect_rc "eval ids" 0
python3 - "$tmp/perdoc.jsonl" <<'PY' && ok || bad "eval ids: the same names"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
assert ids == ["line-1", "line-2", "line-4", "line-5", "-12", ""], ids
PY
# A gzip-compressed JSON Lines file is read decompressed: the same records
# out (the line numbers of the bad ones too); broken data is invalid input.
p --input=jsonl -n 2 "$tmp/in.jsonl"
cp "$tmp/out" "$tmp/plain.out"
gzip -c "$tmp/in.jsonl" >"$tmp/in.jsonl.gz"
p --input=jsonl -n 2 "$tmp/in.jsonl.gz"
expect_rc "jsonl.gz: status 3 for its bad records" 3
if cmp -s "$tmp/out" "$tmp/plain.out"; then ok; else bad "jsonl.gz: other records"; fi
expect_err "jsonl.gz: bad line reported" "in.jsonl.gz: line 2: invalid JSON"
head -c 60 "$tmp/in.jsonl.gz" >"$tmp/cut.jsonl.gz"
p --input=jsonl -n 2 "$tmp/cut.jsonl.gz"
expect_rc "truncated jsonl.gz: invalid input" 3
expect_err "truncated jsonl.gz" "cut.jsonl.gz: gzip data: unexpected end of file"

finish
