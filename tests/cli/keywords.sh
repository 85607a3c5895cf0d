#!/bin/sh
# precis keywords, and summarize --keywords: on texts whose keywords are
# known, in text, JSON and JSONL, and their errors.
. "$top_srcdir/tests/cli/setup"

cp "$top_srcdir/tests/data/keywords/volcano.txt" "$tmp/volcano.txt"
p keywords -n 5 "$tmp/volcano.txt"
expect_rc "keywords" 0
expect_lines "keywords -n 5" 5
head -3 "$tmp/out" | grep -qx "volcano" && ok || bad "volcano among the first three"
head -3 "$tmp/out" | grep -qx "ash cloud" && ok || bad "ash cloud among the first three"
if grep -qix "the\|two\|said" "$tmp/out"; then bad "a function word is a keyword"; else ok; fi

p keywords -f json -n 3 "$tmp/volcano.txt"
python3 - "$tmp/out" "$tmp/volcano.txt" <<'PY' && ok || bad "keywords -f json"
import json, sys
r = json.load(open(sys.argv[1]))
src = open(sys.argv[2], "rb").read()
assert r["file"].endswith("volcano.txt")
ks = r["keywords"]
assert len(ks) == 3
assert [k["score"] for k in ks] == sorted((k["score"] for k in ks), reverse=True)
for k in ks:
    assert set(k) == {"text", "score", "count", "offset"}, k
    first = k["text"].split(" ")[0].encode()
    assert src[k["offset"]:k["offset"] + len(first)].lower() == first.lower(), k
    assert k["count"] >= 1
PY

# Batch: a record per record, an error record for a bad one.
printf '%s\n' '{"id":"v","text":"The volcano erupted again. Ash from the volcano closed the airport. The ash cloud moved east."}' \
	'not json' '{"id":"e","text":"The and of it."}' >"$tmp/in.jsonl"
p keywords --input=jsonl -n 2 "$tmp/in.jsonl"
expect_rc "keywords --input=jsonl with bad records" 3
expect_lines "keywords: a record per record" 3
python3 - "$tmp/out" <<'PY' && ok || bad "keywords records"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert r[0]["id"] == "v" and "volcano" in r[0]["keywords"], r[0]
assert r[1]["id"] == "line-2" and "error" in r[1], r[1]
assert r[2] == {"id": "e", "line": 3, "error": "no keywords found"}, r[2]
PY
p keywords --input=jsonl -f json -j 2 "$tmp/in.jsonl"
expect_out "keywords -f json records" '{"id":"v","keywords":[{"text":"'

# summarize --keywords: a member in JSON and JSONL, none by default.
p -f json -n 1 --keywords=3 "$tmp/volcano.txt"
expect_rc "summarize --keywords" 0
python3 - "$tmp/out" <<'PY' && ok || bad "summarize --keywords member"
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r["sentences"]) == 1
assert len(r["keywords"]) == 3 and any(k["text"] == "volcano" for k in r["keywords"]), r["keywords"]
PY
p -f json -n 1 "$tmp/volcano.txt"
expect_no_out "no keywords member by default" '"keywords"'
p --input=jsonl --keywords=2 "$tmp/in.jsonl"
head -1 "$tmp/out" | grep -q '"keywords":\["' && ok || bad "jsonl record keywords"
p --keywords=3 "$tmp/volcano.txt"
expect_rc "--keywords with text output" 2

p keywords -n 0 "$tmp/volcano.txt"
expect_rc "keywords -n 0" 2
p keywords -f html "$tmp/volcano.txt"
expect_rc "keywords -f html" 2
p keywords "$tmp/missing.txt"
expect_rc "keywords of a missing file" 1
printf 'The and of it.\n' >"$tmp/none.txt"
p keywords "$tmp/none.txt"
expect_rc "no keywords" 3
expect_err "no keywords" "none.txt: no keywords found"
p keywords --help
expect_rc "keywords --help" 0

# keywords reads documents as summarize does: a web page's keywords are its
# article's (not its markup's or scripts'), in the language detected, with
# offsets into the page's bytes; --input-format=text reads the markup.
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Vulkan</title>\n'
	printf '<script>function onLoadHandler() { return document.querySelector("nav"); }</script></head>\n'
	printf '<body><nav><a href="/">Startseite</a> <a href="/wetter">Wetter</a></nav><article>\n'
	printf '<p>Der Vulkan auf der Insel ist am Montag wieder ausgebrochen, und die Asche des Vulkans liegt auf den D\303\266rfern.</p>\n'
	printf '<p>Die Beh\303\266rden haben die D\303\266rfer am Fu\303\237 des Vulkans ger\303\244umt, weil die Asche die Stra\303\237en bedeckt.</p>\n'
	printf '</article></body></html>\n'
} >"$tmp/vulkan.html"
p keywords -n 5 -f json "$tmp/vulkan.html"
expect_rc "keywords of a page" 0
python3 - "$tmp/out" "$tmp/vulkan.html" <<'PY' && ok || bad "keywords of a page: the article's, offsets into the page"
import json, sys
r = json.load(open(sys.argv[1]))
page = open(sys.argv[2], "rb").read()
words = [k["text"] for k in r["keywords"]]
assert any(w.lower().startswith("vulkan") for w in words), words
assert not any(w in ("function", "onLoadHandler", "document", "querySelector", "nav") for w in words), words
body = [k for k in r["keywords"] if k["text"] == "Asche"]
assert body, words
k = body[0]
assert page[k["offset"]:k["offset"] + len(k["text"].encode())].decode() == k["text"], (k, page[k["offset"]:k["offset"] + 20])
PY
p keywords -n 20 --input-format=text "$tmp/vulkan.html"
expect_out "--input-format=text reads the markup" "onLoadHandler"
# Without -l the language is detected: German stopwords, not English ones.
p keywords -n 20 "$tmp/vulkan.html"
expect_no_out "detected: German stopwords" "weil"
p keywords -n 20 -l en "$tmp/vulkan.html"
expect_out "-l en: German words are no stopwords" "weil"
finish
