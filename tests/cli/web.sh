#!/bin/sh
# Web pages in: a saved page summarizes like its article written out under
# its headline, extract prints the article (the headline apart), JSON
# offsets point into the page, and URLs are fetched from a server this test
# starts on 127.0.0.1 (tests/cli/httpd.py; never the internet): redirects,
# charsets from the Content-Type, plain text and Markdown replies, HTTP
# errors (exit 1 with the status), types precis cannot read, redirect loops,
# redirects to file://, the 64 MB limit, the User-Agent.
. "$top_srcdir/tests/cli/setup"
page="$top_srcdir/tests/data/web/page.html"
nav_words="Subscribe
Accept all
Share on
Most read
Comments
All rights reserved
Advertisement
Related:
hillwalker"

# no_boilerplate NAME: stdout holds none of the page's navigation, banners,
# share bar, related links, comments or footer.
no_boilerplate() {
	leak=$(printf '%s\n' "$nav_words" | while IFS= read -r w; do
		grep -qF -- "$w" "$tmp/out" && printf '%s; ' "$w"; done)
	if [ -z "$leak" ]; then ok; else bad "$1: boilerplate in the output: $leak"; fi
}

# ---- a saved page
p extract "$page"
expect_rc "extract" 0
expect_out "extract: first paragraph" "Four towns in the upper valley voted on Tuesday"
expect_out "extract: last paragraph" "in proportion to their populations."
expect_out "extract: entities decoded" "“faster and for less money”"
expect_no_out "extract: headline apart" "Valley towns vote"
no_boilerplate "extract"
n=$(grep -c . "$tmp/out")
if [ "$n" -eq 7 ]; then ok; else bad "extract: $n paragraphs, want 7"; fi
tail -c 1 "$tmp/out" | od -An -c | grep -q '\\n' && ok || bad "extract: no final line end"
p extract --title "$page"
if [ "$(cat "$tmp/out")" = "Valley towns vote to share one fire service" ]; then ok; else
	bad "extract --title: the <h1>, without the site's name"; fi
p extract --with-title "$page"
if [ "$(head -n 1 "$tmp/out")" = "Valley towns vote to share one fire service" ] &&
	[ -z "$(sed -n 2p "$tmp/out")" ]; then ok; else bad "extract --with-title: headline line"; fi
cp "$tmp/out" "$tmp/article.txt"

# the page summarizes like its article under its headline, read as text
for m in tfidf textrank lead; do
	p -n 3 -m $m "$page"
	cp "$tmp/out" "$tmp/page.out"
	p -n 3 -m $m "$tmp/article.txt"
	if cmp -s "$tmp/out" "$tmp/page.out"; then ok; else bad "$m: page and article differ"; fi
done
p -n 3 "$page"
no_boilerplate "summarize"
expect_no_out "summarize: headline not picked" "Valley towns vote"
p split "$page"
if [ "$(head -n 1 "$tmp/out")" = "Valley towns vote to share one fire service" ]; then ok; else
	bad "split: the headline is the first unit"; fi
no_boilerplate "split"
# standard input needs the format or the sniffer: a page starts with <!DOCTYPE
p -n 3 <"$page"
if cmp -s "$tmp/out" "$tmp/page.out"; then ok; else bad "page on stdin"; fi
p -n 3 --input-format=text "$page"
expect_out "--input-format=text reads the markup" "<"

# JSON offsets are the page's bytes: each pick's span starts with the
# sentence's first words and the headline's with its <h1>
p -n 3 -f json "$page"
if python3 - "$page" "$tmp/out" <<'PY'
import json, sys
src = open(sys.argv[1], "rb").read()
rec = json.loads(open(sys.argv[2]).readline())
for s in rec["sentences"]:
    span = src[s["offset"]:s["offset"] + s["length"]].decode("utf-8")
    first = " ".join(s["text"].split()[:3])
    if not span.startswith(first) or not span.rstrip().endswith(s["text"][-8:]):
        sys.exit("span %r for %r" % (span[:60], s["text"][:60]))
PY
then ok; else bad "JSON offsets into the page"; fi 2>>"$tmp/err"
p split -f json "$page"
if python3 - "$page" "$tmp/out" <<'PY'
import json, sys
src = open(sys.argv[1], "rb").read()
s = json.loads(open(sys.argv[2]).readline())["sentences"][0]
span = src[s["offset"]:s["offset"] + s["length"]]
sys.exit(0 if span == b'<h1 class="headline">Valley towns vote to share one fire service</h1>'
         else "headline span %r" % span)
PY
then ok; else bad "split -f json: the headline's span is its <h1>"; fi

# --format=html: the article, its headline and the picks marked, no nav
p -n 2 --format=html "$page"
expect_out "--format=html: headline" "<h1>Valley towns vote to share one fire service</h1>"
c=$(grep -o '<mark data-score' "$tmp/out" | wc -l | tr -d ' ')
if [ "$c" -eq 2 ]; then ok; else bad "--format=html: $c marks, want 2"; fi
expect_out "--format=html: unpicked sentences shown" "Volunteers will be paid"
no_boilerplate "--format=html"

# ---- URLs, from a server on 127.0.0.1
command -v python3 >/dev/null 2>&1 || { finish; exit; }
python3 "$top_srcdir/tests/cli/httpd.py" "$top_srcdir/tests/data/web" "$tmp/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/port" ] || { bad "the test server did not start"; finish; exit; }
url="http://127.0.0.1:$(cat "$tmp/port")"

p -n 3 "$url/page.html"
expect_rc "URL" 0
if cmp -s "$tmp/out" "$tmp/page.out"; then ok; else bad "URL: another digest than the file"; fi
for r in moved moved3 untyped latin1.html; do
	p -n 3 "$url/$r"
	if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/page.out"; then ok; else
		bad "$r: another digest than the file"; fi
done
p extract "$url/latin1.html"
expect_out "charset from the Content-Type" "“faster and for less money”"
p split "$url/page.html"
expect_rc "split of a URL" 1
expect_err "split of a URL: said" "URLs are read by summarize, keywords and extract"
p keywords -n 3 "$url/page.html"
expect_rc "keywords of a URL" 0
${PRECIS_EXEC:-} "$PRECIS" keywords -n 3 "$top_srcdir/tests/data/web/page.html" >"$tmp/kw.want" 2>&1
if cmp -s "$tmp/out" "$tmp/kw.want"; then ok; else bad "keywords of a URL: other than the file's"; fi
p "$url/plain"
expect_rc "text/plain" 0
expect_out "text/plain is text" "Plain text arrives as plain text."
p extract "$url/md"
expect_out "text/markdown" "The markup of a Markdown reply is dropped"
p "$url/vtt"
expect_out "text/vtt" "Captions served as text/vtt are read as the talk they caption."
p -n 1 "$url/agent"
expect_out "User-Agent" "Agent precis/"
p "$url/missing"
expect_rc "404" 1
expect_err "404: the status" "HTTP 404"
p extract "$url/broken"
expect_rc "500" 1
expect_err "500: the status" "HTTP 500"
p "$url/image"
expect_rc "image/png" 1
expect_err "image/png: the type" "image/png"
p "$url/loop"
expect_rc "redirect loop" 1
expect_err "redirect loop: said" "redirect"
p "$url/to-file"
expect_rc "redirect to file://" 1
if grep -q root: "$tmp/out"; then bad "redirect to file:// was followed"; else ok; fi
# a batch: every URL answered, the failing one reported, exit 1
p -n 1 "$url/page.html" "$url/missing" "$url/plain"
expect_rc "batch with a 404" 1
expect_out "batch: first" "Four towns"
expect_out "batch: last" "Plain text arrives"
expect_err "batch: the failing URL" "$url/missing"
if [ -z "${PRECIS_EXEC:-}" ]; then  # 64 MB through valgrind: minutes
	p "$url/big"
	expect_rc "over 64 MB" 1
	expect_err "over 64 MB: said" "larger than 64 MB"
fi
kill $server 2>/dev/null
wait $server 2>/dev/null
p "$url/page.html"
expect_rc "no server" 1
finish
