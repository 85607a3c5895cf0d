#!/bin/sh
# precis eval on a data set small enough to score by hand.
. "$top_srcdir/tests/cli/setup"
data="$top_srcdir/tests/data/eval/tiny.jsonl"

# Bad records are reported and skipped; the report covers the others, and
# the exit status says records were skipped.
p eval -n 1 --per-doc="$tmp/perdoc.jsonl" -f json "$data"
expect_rc "eval skips bad records, status 3" 3
expect_err "bad JSON reported with its line" "tiny.jsonl: line 2: invalid JSON"
expect_err "record without article reported" "tiny.jsonl: line 4: no \"article\" string"
python3 - "$tmp/out" "$tmp/perdoc.jsonl" <<'PY' && ok || bad "eval numbers"
import json, sys
rep = json.load(open(sys.argv[1]))
assert rep["articles"] == 2 and rep["skipped"] == 2, rep
names = [s["name"] for s in rep["systems"]]
assert names == ["tfidf", "lead-1", "first-1", "oracle"], names
sysd = {s["name"]: s for s in rep["systems"]}
# The oracle finds each reference sentence verbatim: every score is 1.
for m in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"):
    a = sysd["oracle"]["average"][m]
    assert a["F"] == 1.0 and a["R"] == 1.0 and a["P"] == 1.0, (m, a)
assert sysd["oracle"]["words"] == 7.5
# Lead-1 on record a: "Cats sleep all day long in the sun." vs the
# reference: only "the" matches: R = 1/7, P = 1/8; on record b it is the
# reference itself: 1. Per-document values:
docs = [json.loads(l) for l in open(sys.argv[2])]
assert [d["id"] for d in docs] == ["a", "b"]
lead_a = [s for s in docs[0]["systems"] if s["system"] == "lead-1"][0]
assert lead_a["sentences"] == [0]
r1 = lead_a["rouge"]["ROUGE-1"]
assert abs(r1["r"] - 0.14286) < 1e-9 and abs(r1["p"] - 0.125) < 1e-9, r1
assert abs(r1["f"] - 2 * 0.14286 * 0.125 / (0.14286 + 0.125)) < 1e-5, r1
lead_b = [s for s in docs[1]["systems"] if s["system"] == "lead-1"][0]
assert lead_b["rouge"]["ROUGE-2"]["f"] == 1.0
# The mean of Lead-1's per-document R-1 recall.
assert abs(sysd["lead-1"]["average"]["ROUGE-1"]["mean_R"] - (0.14286 + 1) / 2) < 1e-5
# On these clean articles the literature's Lead-1 is precis's.
assert sysd["first-1"]["average"] == sysd["lead-1"]["average"]
assert "vs_first" in sysd["oracle"] and "p" in sysd["oracle"]["vs_first"]["ROUGE-1"]
PY

p eval -n 1 -o "$tmp/report.txt" "$data"
expect_rc "text table with skipped records" 3
grep -qF "2 articles scored, 2 skipped" "$tmp/report.txt" && ok || bad "-o report written despite skips"
p eval -n 1 "$data"
expect_rc "text table" 3
expect_out "text table header" "2 articles scored, 2 skipped"
expect_out "text table oracle" "oracle"
expect_out "paired test" "paired bootstrap against tfidf"

p eval --strict -n 1 "$data"
expect_rc "--strict" 3
expect_err "--strict names the line" "line 2"

p eval -n 1 --compare=lead,tfidf -j 2 -f json "$data"
expect_rc "--compare -j 2" 3
python3 -c "
import json,sys
r=json.load(open('$tmp/out'))
assert [s['name'] for s in r['systems']]==['lead','tfidf','lead-1','first-1','oracle']
" && ok || bad "--compare systems"

# first-N takes the first sentences as split: a short one, page furniture
# and a repeated sentence too, where lead-N passes them over.
cat >"$tmp/raw.jsonl" <<'JSON'
{"id": "r", "article": "Storm news\n\nIt rained.\n\nScroll down for video.\n\nThe storm closed every road in the valley on Monday.\n\nThe storm closed every road in the valley on Monday.\n\nCrews cleared the main road by Tuesday evening.\n\nSchools in the valley stayed open all week.", "references": ["The storm closed every road in the valley on Monday."]}
JSON
p eval -n 3 --per-doc="$tmp/raw.perdoc" -f json "$tmp/raw.jsonl"
expect_rc "first-3 vs lead-3" 0
python3 - "$tmp/raw.perdoc" <<'PY' && ok || bad "first-3 picks"
import json, sys
d = json.loads(open(sys.argv[1]).readline())
pick = {s["system"]: s["sentences"] for s in d["systems"]}
assert pick["first-3"] == [1, 2, 3], pick
assert pick["lead-3"] == [3, 5, 6], pick
PY
p eval --words=12 -f json "$tmp/raw.jsonl"
expect_rc "first under --words" 0
expect_out "first under --words" '"name": "first"'

p eval --compare=lead,nosuch "$data"
expect_rc "unknown method in --compare" 2
p eval
expect_rc "no data set" 2
p eval "$tmp/missing.jsonl"
expect_rc "missing data set" 1
p eval --limit-words=3 -n 1 -f json "$data"
expect_rc "--limit-words" 3
cat >"$tmp/ru.jsonl" <<'J'
{"id": "r1", "article": "Река затопила старый город в понедельник.\nВолонтёры носили мешки с песком всю ночь.", "references": ["Река затопила старый город в понедельник."]}
J
p eval -l ru --tokenize=unicode -n 1 -f json "$tmp/ru.jsonl"
expect_rc "--tokenize=unicode" 0
python3 -c "
import json
r = json.load(open('$tmp/out'))
o = [s for s in r['systems'] if s['name'] == 'oracle'][0]['average']['ROUGE-1']['F']
assert o == 1.0, o
" && ok || bad "unicode ROUGE scores Cyrillic"
p eval -l ru -n 1 -f json "$tmp/ru.jsonl"
python3 -c "
import json
r = json.load(open('$tmp/out'))
o = [s for s in r['systems'] if s['name'] == 'oracle'][0]['average']['ROUGE-1']['F']
assert o == 0.0, o
" && ok || bad "rouge155 tokens drop Cyrillic (as ROUGE-1.5.5 does)"
printf '{"id":"a","article":"","references":["x y."]}\n' >"$tmp/none.jsonl"
p eval "$tmp/none.jsonl"
expect_rc "every record unusable" 3
expect_err "every record unusable" "no usable records"
p eval --tokenize=bogus "$data"
expect_rc "bad tokenizer" 2

# The oracle is held to the systems' budget. Alone, "Cats..." (8 words, 35
# bytes) scores best against this reference, then "Birds..." (7 words, 32
# bytes); together (15 words) they beat either, and "Dogs..." adds nothing.
cat >"$tmp/budget.jsonl" <<'J'
{"id": "cats", "article": "Cats sleep all day long in the sun.\nDogs bark at the mailman every morning.\nBirds sing in the trees at dawn.", "references": ["Cats sleep all day.\nBirds sing at dawn."]}
J
# oracle_picks ARGS... EXPECTED-SENTENCES EXPECTED-WORDS
oracle_picks() {
	want_s=$1 want_w=$2
	shift 2
	p eval --resamples=0 -f json --per-doc="$tmp/budget-doc.jsonl" "$@" "$tmp/budget.jsonl"
	expect_rc "oracle $*" 0
	python3 - "$tmp/out" "$tmp/budget-doc.jsonl" "$want_s" "$want_w" <<'PY' && ok || bad "oracle $*: want $want_s, $want_w words"
import json, sys
rep = json.load(open(sys.argv[1]))
words = {s["name"]: s["words"] for s in rep["systems"]}
doc = json.loads(open(sys.argv[2]).readline())
picks = [s["sentences"] for s in doc["systems"] if s["system"] == "oracle"][0]
assert picks == json.loads(sys.argv[3]), picks
assert words["oracle"] == float(sys.argv[4]), words
PY
}
oracle_picks '[0, 2]' 15 -n 3
oracle_picks '[0, 2]' 15 --words=15
oracle_picks '[0]' 8 --words=14
oracle_picks '[2]' 7 --words=7
oracle_picks '[0]' 8 --words=5
oracle_picks '[0, 2]' 15 --bytes=67
oracle_picks '[2]' 7 --bytes=34
oracle_picks '[0]' 8 --ratio=0.3
# A data set as .jsonl.gz scores as the plain file does.
p eval -n 1 -f json "$data"
cp "$tmp/out" "$tmp/plain.json"
gzip -c "$data" >"$tmp/tiny.jsonl.gz"
p eval -n 1 -f json "$tmp/tiny.jsonl.gz"
expect_rc "eval of jsonl.gz" 3
python3 - "$tmp/out" "$tmp/plain.json" <<'PY' && ok || bad "eval of jsonl.gz: another report"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
a.pop("dataset", None); b.pop("dataset", None)
assert a == b, (a, b)
PY
head -c 100 "$tmp/tiny.jsonl.gz" >"$tmp/cut.jsonl.gz"
p eval -n 1 "$tmp/cut.jsonl.gz"
expect_rc "eval of a truncated jsonl.gz: invalid input" 3
expect_err "eval of a truncated jsonl.gz" "cut.jsonl.gz: gzip data: unexpected end of file"

finish
