#!/bin/sh
# Batch summarization: --input=jsonl in, one JSON record per line out.
. "$top_srcdir/tests/cli/setup"

cat >"$tmp/in.jsonl" <<'J'
{"id": "one", "text": "The council approved the budget on Monday. Schools across the county will hire new teachers. Several old roads near the river are repaired."}
not json

{"id": 7, "article": "Rain fell on the hills overnight. Rivers rose quickly.", "title": "Rivers rise"}
{"id": "nothing"}
J
p --input=jsonl -n 2 "$tmp/in.jsonl"
expect_rc "bad records skipped, still status 3" 3
expect_err "bad JSON line" "in.jsonl: line 2: invalid JSON"
expect_err "missing text" "in.jsonl: line 5: no \"text\" or \"article\" string"
expect_lines "two records out" 2
python3 - "$tmp/out" <<'PY' && ok || bad "record shape"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs[0]["id"] == "one" and len(recs[0]["summary"]) == 2
assert recs[0]["sentences"] == sorted(recs[0]["sentences"])
assert recs[1]["id"] == "7" and recs[1]["summary"][0].startswith("Rain fell")
PY
p --input=jsonl --strict "$tmp/in.jsonl"
expect_rc "--strict" 3
expect_lines "--strict stops at line 2" 1
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
finish
