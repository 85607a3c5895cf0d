#!/bin/sh
# Every summarize option, end to end.
. "$top_srcdir/tests/cli/setup"

doc="$tmp/doc.txt"
cat >"$doc" <<'TXT'
Solar power output in Spain set a national record on Monday, the grid operator said.
The operator said solar panels met half of the country's demand at midday.
Wind farms added another fifth of the supply during the afternoon hours.
Prices on the wholesale market fell below zero for six hours as a result.
Analysts expect the solar record to be broken again before the summer ends.
TXT

p "$doc"
expect_rc default 0
expect_lines "default count" 3

p -n 1 "$doc"
expect_rc "-n 1" 0
expect_lines "-n 1" 1
p --sentences=2 "$doc"
expect_lines "--sentences=2" 2
p summarize -n 2 "$doc"
expect_rc "explicit summarize" 0
expect_lines "explicit summarize" 2

p -n 10 "$doc"
expect_lines "more than available" 5

p --ratio=0.4 "$doc"
expect_rc "--ratio" 0
expect_lines "--ratio 0.4 of 5" 2

p --words=16 "$doc"
expect_rc "--words" 0
expect_lines "--words 16" 1
p --bytes=200 "$doc"
expect_rc "--bytes" 0
n=$(wc -c <"$tmp/out" | tr -d ' ')
# 200 bytes of sentences, plus a newline each.
if [ "$n" -le 203 ]; then ok; else bad "--bytes 200 printed $n bytes"; fi

p -m lead -n 2 "$doc"
expect_rc "lead" 0
expect_out "lead first" "Solar power output in Spain set a national record"
expect_out "lead second" "The operator said solar panels met half"
p --method=tfidf "$doc"
expect_rc "--method=tfidf" 0

p --list-methods
expect_rc "--list-methods" 0
expect_out "--list-methods tfidf" "tfidf"
expect_out "--list-methods lead" "lead"
p --list-params
expect_out "--list-params" "position-weight"
p --set position-weight=0 --set title-weight=0 -n 1 "$doc"
expect_rc "--set" 0
expect_lines "--set" 1

p -f json -n 2 "$doc"
expect_rc "json" 0
python3 - "$tmp/out" "$doc" <<'PY' && ok || bad "json shape"
import json, sys
doc = open(sys.argv[2], 'rb').read()
o = json.loads(open(sys.argv[1]).read())
s = o["sentences"]
assert len(s) == 2
for x in s:
    assert doc[x["offset"]:x["offset"] + x["length"]].decode() == x["text"]
    assert isinstance(x["score"], float) and isinstance(x["index"], int)
assert s[0]["index"] < s[1]["index"]
assert o["file"].endswith("doc.txt")
PY

p -o "$tmp/sum.txt" "$doc"
expect_rc "-o" 0
if [ "$(wc -l <"$tmp/sum.txt")" -eq 3 ] && [ ! -s "$tmp/out" ]; then ok; else bad "-o wrote elsewhere"; fi
if ls "$tmp"/sum.txt.tmp.* >/dev/null 2>&1; then bad "-o left a temporary file"; else ok; fi

p - <"$doc"
expect_rc "stdin -" 0
expect_lines "stdin -" 3
p <"$doc"
expect_lines "stdin implicit" 3

cp "$doc" "$tmp/b.txt"
p -n 1 "$doc" "$tmp/b.txt"
expect_rc "two files" 0
expect_out "header a" "==> $doc <=="
expect_out "header b" "==> $tmp/b.txt <=="

printf 'Caf\351 owners in the old town reported a busy weekend of trade.\n' >"$tmp/latin1.txt"
p --lenient "$tmp/latin1.txt"
expect_rc "--lenient" 0
expect_err "--lenient warns" "replaced 1 invalid UTF-8"
expect_out "--lenient U+FFFD" "$(printf 'Caf\357\277\275 owners')"

printf 'A line one\r\nThe council approved the new budget for schools on Friday.\r\n' >"$tmp/crlf.txt"
p "$tmp/crlf.txt"
expect_rc "crlf" 0
if grep -q "$(printf '\r')" "$tmp/out"; then bad "crlf kept a CR"; else ok; fi

printf '\357\273\277The council approved the new budget for schools on Friday.\n' >"$tmp/bom.txt"
p -f json "$tmp/bom.txt"
expect_out "bom skipped" '"offset":3'

# A file name that is not UTF-8 still makes valid JSON.
cp "$doc" "$tmp/$(printf 'caf\351').txt"
p -f json -n 1 "$tmp/$(printf 'caf\351').txt"
expect_rc "latin-1 file name" 0
python3 -c "import json,sys; o=json.load(open(sys.argv[1], encoding='utf-8')); assert o['file'].endswith('caf\ufffd.txt')" "$tmp/out" && ok || bad "file name sanitized in JSON"
p -l de "$doc"
expect_rc "-l de" 0
p --language=english "$doc"
expect_rc "--language=english" 0

p --title="Spain solar record" -n 1 "$doc"
expect_rc "--title" 0

p --help
expect_rc "--help" 0
expect_out "--help usage" "Usage: precis"
expect_empty_err "--help quiet"
p --version
expect_rc "--version" 0
expect_out "--version" "precis 0."
p summarize --version
expect_out "summarize --version" "precis 0."

# --format=html: the whole article, the picks marked, one input only.
p -n 2 -m lead --format=html "$doc"
expect_rc "html" 0
expect_out "html doctype" "<!DOCTYPE html>"
expect_out "html first pick" "<mark data-score=\"1\" data-rank=\"1\" title=\"rank 1 of 2, score 1\">Solar power output in Spain"
expect_out "html legend" "the 2 sentences chosen by <b>lead</b>"
expect_out "html unpicked kept" " Wind farms added another fifth"
n=$(grep -o "<mark data-score=" "$tmp/out" | wc -l | tr -d ' ')
if [ "$n" -eq 2 ]; then ok; else bad "html: $n marks, want 2"; fi
printf 'Wind & <rain> hit "the" coast today, the weather office said.\n' >"$tmp/esc.txt"
p --format=html "$tmp/esc.txt"
expect_out "html escapes" "Wind &amp; &lt;rain&gt; hit &quot;the&quot; coast"
p --format=html "$doc" "$doc"
expect_rc "html two inputs" 2
expect_err "html two inputs" "single text input"
echo '{"id":"a","text":"One two three four five six."}' >"$tmp/one.jsonl"
p --format=html --input=jsonl "$tmp/one.jsonl"
expect_rc "html jsonl" 2
p --format=xml "$doc"
expect_rc "unknown format" 2
expect_err "unknown format" "text, json, html"

# -o onto a device or FIFO writes through it, never renames over it.
p -o /dev/null "$doc"
expect_rc "-o /dev/null" 0
if [ -c /dev/null ]; then ok; else bad "-o /dev/null replaced the device"; fi
if mkfifo "$tmp/fifo" 2>/dev/null; then
	cat "$tmp/fifo" >"$tmp/fromfifo" &
	reader=$!
	p -n 1 -o "$tmp/fifo" "$doc"
	# Should precis never have opened the FIFO, the reader still waits for
	# a writer: open and close it read-write (which never blocks on Linux)
	# so that it sees the end and the test cannot hang.
	exec 8<>"$tmp/fifo"
	exec 8>&-
	wait "$reader"
	expect_rc "-o fifo" 0
	if [ -p "$tmp/fifo" ] && grep -q "Solar power" "$tmp/fromfifo"; then ok; else bad "-o fifo"; fi
fi
# -o naming the file standard output already is, through a link as
# /dev/stdout is one (a link of our own: a failure must not replace the
# system's): written through stdout, the link kept.
# Run without $PRECIS_EXEC: libtool --mode=execute (the valgrind runner)
# opens its arguments to look for wrapper scripts, and reading this one
# hangs it.
if [ -e /proc/self/fd/1 ]; then
	ln -s /proc/self/fd/1 "$tmp/stdout"
	exec_saved=${PRECIS_EXEC:-}
	PRECIS_EXEC=
	p -n 1 -o "$tmp/stdout" "$doc"
	PRECIS_EXEC=$exec_saved
	expect_rc "-o stdout's file" 0
	expect_out "-o stdout's file" "Solar power"
	if [ -L "$tmp/stdout" ]; then ok; else bad "-o stdout's file: link replaced"; fi
fi
p -o "$tmp" "$doc"
expect_rc "-o directory" 1
expect_err "-o directory" "is a directory"

# -l auto: each input's language is detected; JSON names it.
printf 'Der Rat hat am Montag \303\274ber den neuen Haushalt beraten. Die meisten Mitglieder sagten, dass der Plan gerecht sei.\n' >"$tmp/auto-de.txt"
p -l auto -f json -n 1 "$tmp/auto-de.txt"
expect_rc auto 0
expect_out auto-language '"language":"de"'
# Detection is the default; -l names the language instead.
p -f json -n 1 "$tmp/auto-de.txt"
expect_out default-language '"language":"de"'
p -l en -f json -n 1 "$tmp/auto-de.txt"
expect_out given-language '"language":"en"'
# A page is detected by its article, not by the English of its markup
# and scripts (more than the first 4 KB of the file), and text in
# another encoding by what it decodes to.
{
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Haushalt</title><script>\n'
	i=0
	while [ $i -lt 60 ]; do
		printf '// the function that is called when the page is loaded and the user has clicked on it\n'
		i=$((i + 1))
	done
	printf '</script></head><body><article><h1>Der neue Haushalt</h1>\n'
	printf '<p>Der Rat hat am Montag \303\274ber den neuen Haushalt beraten, und die meisten Mitglieder sagten, dass der Plan gerecht sei.</p>\n'
	printf '<p>Einige wollten aber mehr Geld f\303\274r die Schulen im Norden der Stadt, und sie haben es auch gesagt.</p>\n'
	printf '<p>Die Abstimmung \303\274ber den Plan ist f\303\274r den n\303\244chsten Monat geplant, sagte der B\303\274rgermeister.</p>\n'
	printf '</article></body></html>\n'
} >"$tmp/auto-de.html"
p -f json -n 1 "$tmp/auto-de.html"
expect_rc auto-page 0
expect_out auto-page '"language":"de"'
if command -v iconv >/dev/null 2>&1; then
	iconv -f UTF-8 -t UTF-16 "$tmp/auto-de.txt" >"$tmp/auto-de16.txt"
	p -f json -n 1 "$tmp/auto-de16.txt"
	expect_out auto-utf16 '"language":"de"'
fi
# Records in several languages, on two threads: each as it comes out
# alone with its own -l (a thread keeps its last other language's
# context for the next record).
: >"$tmp/mixed.jsonl"
: >"$tmp/mixed.want"
i=0
while [ $i -lt 12 ]; do
	case $((i % 3)) in
	0) l=de t='Der Rat hat am Montag \u00fcber den neuen Haushalt beraten. Die meisten Mitglieder sagten, dass der Plan gerecht sei. Einige wollten mehr Geld f\u00fcr die Schulen.' ;;
	1) l=fr t='Le conseil s\u0027est r\u00e9uni lundi pour discuter du nouveau budget. La plupart des membres ont dit que le plan \u00e9tait juste. Certains voulaient plus d\u0027argent pour les \u00e9coles.' ;;
	2) l=en t='The council met on Monday to discuss the new budget. Most members said that the plan was fair. Some of them wanted more money for the schools.' ;;
	esac
	printf '{"id":"r%d","text":"%s"}\n' $i "$t" >"$tmp/one.jsonl"
	cat "$tmp/one.jsonl" >>"$tmp/mixed.jsonl"
	${PRECIS_EXEC:-} "$PRECIS" --input=jsonl -f json -n 1 -l $l "$tmp/one.jsonl" >>"$tmp/mixed.want"
	i=$((i + 1))
done
p --input=jsonl -f json -n 1 -j 2 "$tmp/mixed.jsonl"
expect_rc auto-mixed 0
if cmp -s "$tmp/out" "$tmp/mixed.want"; then ok; else bad "auto-mixed: records differ from -l per record"; fi
expect_out auto-mixed-fr '"language":"fr"'
printf '%s\n' '{"id":"z","text":"\u5e02\u8bae\u4f1a\u5468\u4e00\u6279\u51c6\u4e86\u5b66\u6821\u7684\u65b0\u9884\u7b97\u3002"}' >"$tmp/auto.jsonl"
p -l auto --input=jsonl -j 2 "$tmp/auto.jsonl"
expect_rc auto-jsonl 0
p eval -l auto "$tmp/auto.jsonl"
expect_rc auto-eval 2
# Control characters of the input never reach the terminal: NUL, ESC
# (a colour, a window title, a screen clear), BEL, DEL and the C1 CSI come
# out as U+FFFD; JSON keeps them, escaped.
printf 'Rain\033[2J\033]0;owned\007 fell on the hills\000 all night long.\nThe river rose\177 by two \302\2332J metres before dawn.\n' >"$tmp/ctl.txt"
p -n 2 "$tmp/ctl.txt"
expect_rc "control characters" 0
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out" ||
	[ "$(tr -d '\000' <"$tmp/out" | wc -c)" -ne "$(wc -c <"$tmp/out")" ] ||
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$tmp/out"; then
	bad "control characters reach the terminal"
else
	ok
fi
expect_out "control characters shown as U+FFFD" "$(printf 'Rain\357\277\275[2J\357\277\275]0;owned\357\277\275 fell')"
p -n 2 -f json "$tmp/ctl.txt"
expect_out "JSON keeps them" 'Rain\u001B[2J\u001B]0;owned\u0007 fell'


# A list item's bullet and a mail's quote mark are the list's, not the
# sentence's: a digest shows the sentence without them (its JSON span too),
# a numbered item keeps its number, and split keeps every mark.
printf 'The council met on Monday to settle the harbour works.\n\n* The slipway will be cleared and its mooring rings repainted in March.\n\xe2\x80\xa2 The dry-stone wall behind the net lofts will be rebuilt in April.\n> > Will the annual beach clean still be held in May this year?\n1. Volunteers should sign the sheet in the chapel hall by Friday.\n' >"$tmp/list.txt"
p --ratio 1 "$tmp/list.txt"
expect_rc "list marks" 0
expect_out "bullet left off" "$(printf '\nThe slipway will be cleared')"
expect_out "unicode bullet left off" "$(printf '\nThe dry-stone wall')"
expect_out "quote marks left off" "$(printf '\nWill the annual beach clean')"
expect_out "number kept" "1. Volunteers should sign"
p --ratio 1 -f json "$tmp/list.txt"
expect_out "JSON span without the bullet" '"offset":58,"length":69,'
p split "$tmp/list.txt"
expect_out "split keeps the bullet" "* The slipway"
expect_out "split keeps the quote marks" "> > Will the annual"

finish
