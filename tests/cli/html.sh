#!/bin/sh
# The HTML view in a real browser (headless Chromium, when installed): it
# parses as meant (language, viewport, legend, every pick marked with its
# rank and score for the hover), reads in a column of readable width on a
# wide screen, and fits a phone's without sideways scrolling.
. "$top_srcdir/tests/cli/setup"
browser=
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
[ -n "$browser" ] || skip "no headless Chromium (apt-get install chromium)"

p --format=html -n 3 --keywords=4 -o "$tmp/page.html" "$sample"
expect_rc "html page" 0

# The page as served, plus a probe that writes what the browser laid out
# into an attribute that --dump-dom shows.
sed 's|</body>|<script>\
var art = document.querySelector("article").getBoundingClientRect();\
var fs = parseFloat(getComputedStyle(document.querySelector("article p")).fontSize);\
var marks = Array.prototype.map.call(document.querySelectorAll("article mark"),\
  function (m) { return [m.getAttribute("data-rank"), m.title]; });\
document.body.setAttribute("data-probe", JSON.stringify({\
  width: art.width, left: art.left, right: document.documentElement.clientWidth - art.right,\
  inner: window.innerWidth, scroll: document.documentElement.scrollWidth,\
  font: fs, lang: document.documentElement.lang,\
  viewport: !!document.querySelector("meta[name=viewport]"),\
  legend: (document.querySelector(".legend") \|\| {}).textContent, marks: marks }));\
</script></body>|' "$tmp/page.html" >"$tmp/probe.html"

# probe WIDTH HEIGHT: the probe's JSON for that window, in $tmp/probe.json.
probe() {
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	rc=0
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" --window-size="$1,$2" \
		--dump-dom "file://$tmp/probe.html" >"$tmp/dom.html" 2>"$tmp/browser.err" || rc=$?
	python3 - "$tmp/dom.html" >"$tmp/probe.json" <<'PY'
import html, re, sys
m = re.search(r'data-probe="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
print(html.unescape(m.group(1)) if m else "{}")
PY
}

probe 1600 1000
expect_rc "chromium ran" 0
python3 - "$tmp/probe.json" <<'PY' && ok || bad "wide window: $(cat "$tmp/probe.json")"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["lang"] == "en" and p["viewport"], p
# A readable measure: 30 to 45 ems of the text's own size (about 60 to 90
# characters), centred, however wide the window.
assert 30 * p["font"] <= p["width"] <= 45 * p["font"], p
assert abs(p["left"] - p["right"]) <= 2, p
# The legend names the method, the count and the share; the keywords.
leg = p["legend"]
assert "tfidf" in leg and "3 sentences" in leg and "%" in leg and "Keywords:" in leg, leg
# Each pick has its rank and score for the hover, ranks 1..3.
assert sorted(r for r, _ in p["marks"]) == ["1", "2", "3"], p["marks"]
for r, t in p["marks"]:
    assert t.startswith("rank %s of 3, score " % r), t
PY
probe 360 740
python3 - "$tmp/probe.json" <<'PY' && ok || bad "narrow window: $(cat "$tmp/probe.json")"
import json, sys
p = json.load(open(sys.argv[1]))
assert p["scroll"] <= p["inner"], p       # no sideways scrolling
assert p["width"] < p["inner"], p
PY
finish
