#!/bin/sh
# The input stage from the command line: hard-wrapped text, CRLF, Markdown
# and other encodings give the digest of the clean text, printed as a
# reader sees it, with JSON offsets into the bytes given.
. "$top_srcdir/tests/cli/setup"

# A clean article (one paragraph a line) and the same text wrapped at 64
# columns with CRLF line ends.
cat >"$tmp/clean.txt" <<'EOF'
Harbour Board Approves Ferry Plan

The harbour board approved on Tuesday a plan to run an electric ferry between the two halves of the town, ending a dispute that has lasted almost a decade and divided the council.

Under the plan the first boat will sail next spring, and the board expects it to carry about four thousand passengers a day once the service runs every twenty minutes.

Fishermen had opposed the route because it crosses their moorings, but the board agreed to move the landing stage fifty metres to the east and to pay for new buoys.

The council leader said the decision showed that patience could settle even the oldest quarrel, and she thanked the fishermen for their part in the talks.
EOF
awk '
	/^$/ { print; next }
	{
		n = split($0, w, " "); line = ""
		for (i = 1; i <= n; i++) {
			if (line != "" && length(line) + 1 + length(w[i]) > 64) { print line; line = w[i] }
			else line = line == "" ? w[i] : line " " w[i]
		}
		print line
	}' "$tmp/clean.txt" | sed 's/$/\r/' >"$tmp/wrapped.txt"

p -n 3 "$tmp/clean.txt"
cp "$tmp/out" "$tmp/clean.out"
expect_rc clean 0
p -n 3 "$tmp/wrapped.txt"
expect_rc wrapped 0
if cmp -s "$tmp/out" "$tmp/clean.out"; then ok; else bad "wrapped CRLF text: another digest"; fi
p -n 3 --wrap=keep "$tmp/wrapped.txt"
if cmp -s "$tmp/out" "$tmp/clean.out"; then bad "--wrap=keep joined lines"; else ok; fi

# JSON offsets point into the file as given: the bytes there hold the
# sentence's words, line breaks and all.
p -n 1 -f json "$tmp/wrapped.txt"
off=$(sed 's/.*"offset":\([0-9]*\).*/\1/' "$tmp/out")
len=$(sed 's/.*"length":\([0-9]*\).*/\1/' "$tmp/out")
text=$(sed 's/.*"text":"\([^"]*\)".*/\1/' "$tmp/out")
src=$(dd if="$tmp/wrapped.txt" bs=1 skip="$off" count="$len" 2>/dev/null | tr -d '\r' | tr '\n' ' ')
if [ "$src" = "$text" ]; then ok; else bad "wrapped offsets: source '$src', text '$text'"; fi

# split: the same sentences, offsets into the source.
p split "$tmp/wrapped.txt"
expect_out "split joins wraps" "a plan to run an electric ferry between the two halves of the town, ending a dispute"
p split -f json "$tmp/wrapped.txt"
expect_out "split json" '"offset":'

# Markdown: markup gone, the heading a headline, code, tables and the list
# of links never picked.
{
	echo '# Harbour Board Approves Ferry Plan'
	echo
	sed -n '3p' "$tmp/clean.txt" | sed 's/electric ferry/**electric ferry**/; s/the council/[the council](https:\/\/example.org\/council)/'
	echo
	echo '```'
	echo 'ferry --route east --every 20m   # this code is never a sentence.'
	echo '```'
	echo
	sed -n '5,$p' "$tmp/clean.txt"
	echo
	echo '| stop | time |'
	echo '|------|------|'
	echo '| East | 9:00 and the ferry leaves here every twenty minutes. |'
	echo
	echo '## Links'
	echo
	echo '- [The harbour board publishes its minutes online for everyone](https://example.org/minutes)'
	echo '- [A map of the new ferry route between the two halves of town](https://example.org/map)'
} >"$tmp/article.md"
p --ratio=1 "$tmp/article.md"
expect_rc markdown 0
expect_out markdown "a plan to run an electric ferry between"
expect_out "link text kept" "and divided the council."
for mark in '**' '](' '```' '| ' 'minutes online' 'never a sentence'; do
	expect_no_out "markdown: no '$mark'" "$mark"
done
expect_no_out "markdown: no heading" "Harbour Board Approves"
# From standard input, --input-format says what it is.
p --ratio=1 --input-format=markdown <"$tmp/article.md"
expect_no_out "stdin markdown" "**"
p -n 1 -f json "$tmp/article.md"
off=$(sed 's/.*"offset":\([0-9]*\).*/\1/' "$tmp/out")
word=$(dd if="$tmp/article.md" bs=1 skip="$off" count=4 2>/dev/null)
[ "$word" = "The " ] && ok || bad "markdown offset $off starts '$word'"

# Encodings: UTF-16 with a BOM reads as UTF-8; Latin-1 needs --encoding,
# and without it the error names the option.
python3 - "$tmp" <<'EOF' || skip "python3 needed for the encoding fixtures"
import sys
d = sys.argv[1]
text = open(d + "/clean.txt", encoding="utf-8").read().replace("ferry", "ferry caf\u00e9")
open(d + "/utf16.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(d + "/latin1.txt", "wb").write(text.encode("latin-1"))
open(d + "/utf8.txt", "wb").write(text.encode("utf-8"))
EOF
p -n 3 "$tmp/utf8.txt"
cp "$tmp/out" "$tmp/utf8.out"
p -n 3 "$tmp/utf16.txt"
expect_rc utf16 0
if cmp -s "$tmp/out" "$tmp/utf8.out"; then ok; else bad "UTF-16 text: another digest"; fi
p -n 3 --encoding=latin1 "$tmp/latin1.txt"
if cmp -s "$tmp/out" "$tmp/utf8.out"; then ok; else bad "--encoding=latin1: another digest"; fi
p -n 3 "$tmp/latin1.txt"
expect_rc "latin-1 without --encoding" 3
expect_err "latin-1 without --encoding" "invalid UTF-8"
expect_err "the error names --encoding" "--encoding"
p --encoding=no-such-charset "$tmp/utf8.txt"
expect_rc "unknown encoding" 2
expect_err "unknown encoding" "unknown encoding 'no-such-charset'"
# A wrong encoding reads something, or fails cleanly.
p --encoding=utf-16le "$tmp/utf8.txt"
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] && ok || bad "a wrong --encoding: exit $rc"
p --input-format=rtf "$tmp/utf8.txt"
expect_rc "unknown input format" 2
p --wrap=sometimes "$tmp/utf8.txt"
expect_rc "unknown wrap mode" 2

# eval and idf read their documents the same way.
p idf build --input-format=markdown "$tmp/article.md"
expect_rc "idf build markdown" 0
expect_no_out "idf: no markup terms" "https"
# A gzip-compressed input is read decompressed, from a file or standard
# input, by summarize and split alike; README.md.gz is Markdown by its name;
# a truncated or broken stream is invalid input.
"$PRECIS" -n 3 "$sample" >"$tmp/plain.out"
gzip -c "$sample" >"$tmp/sample.txt.gz"
p -n 3 "$tmp/sample.txt.gz"
expect_rc "gzip file" 0
if cmp -s "$tmp/out" "$tmp/plain.out"; then ok; else bad "gzip file: another digest"; fi
p -n 3 - <"$tmp/sample.txt.gz"
if cmp -s "$tmp/out" "$tmp/plain.out"; then ok; else bad "gzip on stdin: another digest"; fi
"$PRECIS" split "$sample" >"$tmp/plain.split"
p split "$tmp/sample.txt.gz"
if cmp -s "$tmp/out" "$tmp/plain.split"; then ok; else bad "split of gzip: other sentences"; fi
"$PRECIS" -n 3 "$tmp/article.md" >"$tmp/md.out"
gzip -c "$tmp/article.md" >"$tmp/notes.md.gz"
p -n 3 "$tmp/notes.md.gz"
if cmp -s "$tmp/out" "$tmp/md.out"; then ok; else bad "README.md.gz: not read as Markdown"; fi
head -c 200 "$tmp/sample.txt.gz" >"$tmp/cut.gz"
p -n 3 "$tmp/cut.gz"
expect_rc "truncated gzip" 3
expect_err "truncated gzip" "cut.gz: gzip data: unexpected end of file"
printf '\037\213\010\000 not deflate data at all' >"$tmp/junk.gz"
p -n 3 "$tmp/junk.gz"
expect_rc "broken gzip" 3
expect_err "broken gzip" "junk.gz: gzip data:"

# Subtitles: a sentence runs across cues; numbers, timings and tags go;
# by the name, by --input-format on stdin, and offsets into the file.
printf '1\n00:00:01,000 --> 00:00:04,000\nThe harbour was quiet when the first\n\n2\n00:00:04,000 --> 00:00:07,500\n<i>boats</i> came in on Monday morning.\n\n3\n00:00:08,000 --> 00:00:11,000\n[gulls]\n\n4\n00:00:11,000 --> 00:00:15,000\nNobody on the quay had expected the storm to pass so quickly.\n' >"$tmp/talk.srt"
p -n 2 "$tmp/talk.srt"
expect_rc "subtitles" 0
expect_out "a sentence across cues" "The harbour was quiet when the first boats came in on Monday morning."
expect_no_out "no timings" "-->"
expect_no_out "no sound lines" "gulls"
cp "$tmp/out" "$tmp/srt.out"
p -n 2 --input-format=subtitles - <"$tmp/talk.srt"
if cmp -s "$tmp/out" "$tmp/srt.out"; then ok; else bad "subtitles on stdin: another digest"; fi
p -n 2 -f json "$tmp/talk.srt"
python3 - "$tmp/out" "$tmp/talk.srt" <<'PY' && ok || bad "subtitles: JSON offsets"
import json, sys
rec = json.load(open(sys.argv[1]))
src = open(sys.argv[2], "rb").read()
s = rec["sentences"][1]
assert src[s["offset"]:s["offset"] + s["length"]].decode() == s["text"], s
s = rec["sentences"][0]
assert src[s["offset"]:].startswith(b"The harbour was quiet"), s
PY
p -n 2 --input-format=captions "$tmp/talk.srt"
expect_rc "unknown input format" 2
expect_err "unknown input format" "subtitles"

# A file that is no text (a PDF, a .docx) says what it is, not "invalid
# UTF-8 ... --encoding": exit 3, from summarize, split and stdin alike;
# --lenient still reads whatever it holds.
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$tmp/paper.pdf"
p "$tmp/paper.pdf"
expect_rc "a PDF" 3
expect_err "a PDF" "paper.pdf: not text but a PDF document (pdftotext"
expect_no_out "a PDF: nothing out" "obj"
p split - <"$tmp/paper.pdf"
expect_rc "a PDF split from stdin" 3
expect_err "a PDF split from stdin" "<stdin>: not text but a PDF document"
printf 'PK\003\004\024\000\000\000\010\000' >"$tmp/report.docx"
p "$tmp/report.docx"
expect_err "a .docx" "report.docx: not text but a ZIP archive (a .docx"
p --lenient "$tmp/paper.pdf"
expect_rc "a PDF with --lenient" 0

finish
