#!/bin/sh
# End-to-end tests of `precis split`: output, options, formats, errors.
. "$top_srcdir/tests/cli/setup"
data="$top_srcdir/tests/data/segment"

# expect_same NAME FILE: stdout equals FILE.
expect_same() {
	if diff -u "$2" "$tmp/out" >"$tmp/diff"; then ok; else
		bad "$1: output differs"; cat "$tmp/diff"; fi
}

p split "$data/news.txt"
expect_rc news 0
expect_same news "$data/news.expected"
expect_empty_err news

p split < "$data/news.txt"
expect_same news-stdin "$data/news.expected"
p split - < "$data/news.txt"
expect_same news-dash "$data/news.expected"

p split --join-lines "$data/wrapped.txt"
expect_same wrapped "$data/wrapped.expected"
# By default a wrapped paragraph is joined (its lines reach a common
# width); --wrap=keep keeps each line break.
p split "$data/wrapped.txt"
expect_same wrapped-auto "$data/wrapped.expected"
p split --wrap=keep "$data/wrapped.txt"
expect_lines unwrapped 8

printf 'It was a cold \nnight in the city.\r\nNext one.\r\n' >"$tmp/in"
p split "$tmp/in"
expect_out fold "It was a cold night in the city."
expect_lines fold-crlf 2
expect_no_out fold-cr "$(printf '\r')"

printf '\347\210\266\343\201\256\n\345\256\266\343\201\247\343\201\231\343\200\202' >"$tmp/in"
p split -l ja "$tmp/in"
expect_out cjk-fold "$(printf '\347\210\266\343\201\256\345\256\266\343\201\247\343\201\231\343\200\202')"
p split --language=japanese "$tmp/in"
expect_rc language-name 0

printf 'Am 3. Oktober war Feiertag. Das steht auf Seite 7. Dort.' >"$tmp/in"
p split -l german "$tmp/in"
expect_lines german 3
p split -l de "$tmp/in"
expect_lines german-code 3

: >"$tmp/empty"
p split "$tmp/empty"
expect_rc empty 0
expect_lines empty 0

# JSON with byte offsets.
printf 'Hello there. Bye' >"$tmp/in"
p split --format=json "$tmp/in"
expect_rc json 0
expect_out json '"text":"Hello there.","offset":0,"length":12,"paragraph":0,"kind":"sentence"'
expect_out json '"offset":13,"length":3,"paragraph":0,"kind":"line"'

# JSON Lines: one array per record, in order; a bad record is skipped.
printf '%s\n' '{"id":"a","text":"One. Two."}' 'not json' '{"id":2,"article":"Three."}' \
	'{"id":"c"}' >"$tmp/in.jsonl"
p split --input=jsonl "$tmp/in.jsonl"
expect_rc jsonl-bad 3
expect_lines jsonl 2
expect_out jsonl '["One.","Two."]'
expect_out jsonl '["Three."]'
expect_err jsonl-line 'line 2'
expect_err jsonl-field 'line 4'
p split --input=jsonl --strict "$tmp/in.jsonl"
expect_rc strict 3
expect_lines strict 1
p split --input=jsonl --format=json "$tmp/in.jsonl"
expect_out jsonl-json '{"id":"a","sentences":[{"text":"One.","offset":0'
expect_out jsonl-json '{"id":2,"sentences":'

# Output file, written whole or not at all.
p split -o "$tmp/o.txt" "$data/news.txt"
expect_rc output 0
if cmp -s "$tmp/o.txt" "$data/news.expected"; then ok; else bad "output file"; fi
p split -o "$tmp/o2.txt" "$tmp/missing"
expect_rc output-fail 1
if [ -e "$tmp/o2.txt" ]; then bad "partial output left"; else ok; fi

# Invalid UTF-8: an error with the offset, or repaired with --lenient.
printf 'Good. Bad \377 byte.' >"$tmp/in"
p split "$tmp/in"
expect_rc utf8 3
expect_err utf8 'byte 10'
p split --lenient "$tmp/in"
expect_rc lenient 0
expect_lines lenient 2
expect_err lenient 'warning'

# Streaming: a file far past the splitter's chunk is split as it is read,
# exactly as the same text given whole as one JSONL record.
python3 - "$sample" "$tmp/big.txt" "$tmp/big.jsonl" <<'PY'
import json, sys
one = open(sys.argv[1], encoding="utf-8").read()
text = "".join("%d. %s\n\n" % (i, one) for i in range(400))
open(sys.argv[2], "w", encoding="utf-8").write(text)
open(sys.argv[3], "w", encoding="utf-8").write(json.dumps({"id": "big", "text": text}) + "\n")
PY
p split -f json "$tmp/big.txt"
expect_rc stream-json 0
mv "$tmp/out" "$tmp/stream.json"
p split -f json --input=jsonl "$tmp/big.jsonl"
python3 - "$tmp/stream.json" "$tmp/out" <<'PY' && ok || bad "stream: file and record splits differ"
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == 1 and len(b) == 1 and a[0]["file"].endswith("big.txt"), (len(a), len(b))
assert len(a[0]["sentences"]) > 4000 and a[0]["sentences"] == b[0]["sentences"]
PY
p split "$tmp/big.txt"
n=$(wc -l <"$tmp/out")
p split --input=jsonl "$tmp/big.jsonl"
python3 - "$tmp/out" "$n" <<'PY' && ok || bad "stream: text lines differ from the record's"
import json, sys
assert len(json.loads(open(sys.argv[1]).read())) == int(sys.argv[2])
PY

# A bad byte past the first chunk: the sentences before it are out, then
# the error (JSON: the object ends with an "error" member).
{ cat "$tmp/big.txt"; printf 'Bad \377 byte.\n'; } >"$tmp/bad.txt"
p split "$tmp/bad.txt"
expect_rc stream-utf8 3
expect_err stream-utf8 "byte $(($(wc -c <"$tmp/big.txt") + 4))"
expect_out stream-utf8 'Lorvanian Leader Lands in Oslo'
p split -f json "$tmp/bad.txt"
expect_rc stream-utf8-json 3
python3 - "$tmp/out" <<'PY' && ok || bad "stream: JSON with an error member"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
o = json.loads(lines[0])
assert len(lines) == 1 and o["error"].startswith("invalid UTF-8") and len(o["sentences"]) > 1000
PY

# Output comes before the input ends: the first part through a FIFO, the
# rest only once sentences have appeared (or after 20 s, and then fail).
mkfifo "$tmp/fifo"
${PRECIS_EXEC:-} "$PRECIS" split "$tmp/fifo" >"$tmp/live" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/fifo"
head -c 600000 "$tmp/big.txt" >&3
i=0
while [ ! -s "$tmp/live" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
if [ -s "$tmp/live" ]; then ok; else bad "stream: nothing out before the end of the input"; fi
tail -c +600001 "$tmp/big.txt" >&3
exec 3>&-
wait $pid && ok || bad "stream: fifo split failed"
p split "$tmp/big.txt"
cmp -s "$tmp/live" "$tmp/out" && ok || bad "stream: fifo output differs"

# A write error stops the input there, however long it would run: the
# writer of a stream that never ends is cut off, not read to its end.
if [ -w /dev/full ]; then
	rc=0
	python3 -c '
import os, sys
blk = b"One sentence here. Another one.\n\n" * 4096
n = 0
try:
    while n < 64 << 20:
        n += os.write(1, blk)
except BrokenPipeError:
    pass
open(sys.argv[1], "w").write(str(n))
' "$tmp/fed" | ${PRECIS_EXEC:-} "$PRECIS" split >/dev/full 2>"$tmp/err" || rc=$?
	expect_rc write-error 1
	expect_err write-error "<stdout>: write error: No space left on device"
	n=$(wc -l <"$tmp/err" | tr -d ' ')
	[ "$n" -eq 1 ] && ok || bad "write-error: $n messages, want 1"
	[ "$(cat "$tmp/fed")" -lt $((16 << 20)) ] && ok ||
		bad "write-error: read $(cat "$tmp/fed") bytes past the failed write"
fi

# A read error part way through ends the input's JSON object with an
# "error" member too, so the next input's object is a line of its own
# (stdin a TCP connection the peer resets once output has come out).
python3 - "$tmp/big.txt" "$tmp/out" "$tmp/err" "$data/news.txt" \
	${PRECIS_EXEC:-} "$PRECIS" split -f json - <<'PY'
import os, socket, struct, subprocess, sys, time
data = open(sys.argv[1], "rb").read()[:700000]
out, err, rest = sys.argv[2], sys.argv[3], sys.argv[4]
try:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    cli = socket.create_connection(srv.getsockname())
    conn, _ = srv.accept()
except OSError:
    open(out, "w").write("skip\n")
    sys.exit(0)
p = subprocess.Popen(sys.argv[5:] + [rest], stdin=cli, stdout=open(out, "wb"),
                     stderr=open(err, "wb"))
cli.close()
conn.sendall(data)
for _ in range(1200):  # 60 s at most, for slow runners (valgrind)
    if os.path.getsize(out) > 0:
        break
    time.sleep(0.05)
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
conn.close()
open(out + ".rc", "w").write(str(p.wait()))
PY
if [ "$(cat "$tmp/out")" != skip ]; then
	rc=$(cat "$tmp/out.rc")
	expect_rc read-error-json 1
	expect_err read-error-json "<stdin>: read error: Connection reset by peer"
	python3 - "$tmp/out" <<'PY' && ok || bad "read error: JSON lines broken"
import json, sys
lines = open(sys.argv[1]).read().split("\n")
assert len(lines) == 3 and lines[2] == "", len(lines)
a, b = json.loads(lines[0]), json.loads(lines[1])
assert a["file"] == "<stdin>" and len(a["sentences"]) > 1000, a["file"]
assert a["error"] == "read error: Connection reset by peer", a.get("error")
assert b["file"].endswith("news.txt") and "error" not in b
PY
fi

# Languages: one list for every command that takes -l, and each listed
# language summarizes and splits (the first few only under valgrind).
p --list-languages
expect_rc languages 0
expect_out languages 'en  english     sentence rules, stemmer, stopwords'
cp "$tmp/out" "$tmp/langs"
[ "$(wc -l <"$tmp/langs")" -ge 39 ] && ok || bad "languages: fewer than 39"
# Every language with a stemmer has stopwords.
if grep 'stemmer' "$tmp/langs" | grep -v 'stopwords' >"$tmp/nostop"; then
	bad "stemmer without stopwords: $(cat "$tmp/nostop")"; else ok; fi
for cmd in split eval "idf build"; do
	p $cmd --list-languages
	cmp -s "$tmp/out" "$tmp/langs" && ok || bad "languages: $cmd lists others"
done
n=0
for code in $(cut -d' ' -f1 "$tmp/langs"); do
	n=$((n + 1))
	[ -n "${PRECIS_EXEC:-}" ] && [ $n -gt 3 ] && break
	p -l "$code" "$sample"
	expect_rc "summarize -l $code" 0
	p split -l "$code" "$sample"
	expect_rc "split -l $code" 0
done

# Usage.
p split --help
expect_rc help 0
expect_out help 'Usage: precis split'
expect_empty_err help
p split --bogus
expect_rc bad-option 2
expect_err bad-option "unknown option '--bogus'"
p split -x
expect_rc bad-short 2
p split --input=xml
expect_rc bad-input 2
expect_err bad-input 'xml'
p split --format=html
expect_rc bad-format 2
p split -l
expect_rc no-value 2
p split -l klingon "$data/news.txt"
expect_rc bad-language 2
expect_err bad-language 'klingon'
p split "$tmp/missing"
expect_rc missing 1
expect_err missing 'missing'

# Lossless: every non-space byte of the input comes out, noise ('+',
# '***', '[…]') included, as units of kind "noise" in JSON.
for f in "$data/news.txt" "$top_srcdir/data/samples/diplomacy-visit.txt"; do
	p split "$f"
	if [ "$(tr -d ' \t\r\n' <"$f" | wc -c)" -eq "$(tr -d ' \t\r\n' <"$tmp/out" | wc -c)" ]
	then ok; else bad "split lost text of $f"; fi
done
printf '+\n\nTeaser. [\342\200\246]\n\nBody. *** More.\n' >"$tmp/in"
p split --format=json "$tmp/in"
expect_out noise-json '{"text":"+","offset":0,"length":1,"paragraph":0,"kind":"noise"}'
expect_out noise-mark "$(printf '"text":"Teaser. [\342\200\246]"')"
expect_out noise-inline '{"text":"***","offset":24,"length":3,"paragraph":1,"kind":"noise"}'

finish
