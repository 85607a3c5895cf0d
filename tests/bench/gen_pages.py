#!/usr/bin/env python3
"""Generate realistic web pages around clean article texts, and check an extractor.

    gen_pages.py generate DATA.jsonl OUTDIR [-n 300] [--seed 1]
        writes OUTDIR/NNNN.html (the page, in its declared charset) and
        OUTDIR/manifest.jsonl ({"file", "id", "template", "charset", "title",
        "paragraphs"}), one page per article ({"article": "...", paragraphs
        separated by blank lines}) of the first -n records.
    gen_pages.py check OUTDIR PRECIS [--show 5]
        runs `PRECIS extract` and `PRECIS extract --title` on every page and
        compares each page's text with its article: word sequences (runs of
        \\w) and paragraph lists; prints the share that match exactly, the
        share of article words recovered, and the first failures.

shapes.py imports the templates for its html shape.

Templates (chosen per page by the seeded RNG, with random parts inside each):
  news    HTML5: header/nav, cookie banner, article with h1, byline, share bar,
          figures with captions, in-body "Related:" links and ad slots, aside
          of related stories, comments, footer, JSON-LD, scripts
  blog    WordPress-like: div soup with entry-content, a widget sidebar,
          a long threaded comment list with real sentences, tag cloud
  table   1990s layout: tables, <font>, <br><br> paragraphs, windows-1252
          bytes, heavy entity use, a link column
  spa     hashed class names (no semantic hints), paragraphs as <div>s,
          newsletter box and "Advertisement" slots in the body, a hidden
          modal, "Read more" lists, inline SVG icons
  amp     itemprop=articleBody, custom elements, author bio box, tag list,
          "Most read" list with teaser text
The article's paragraphs always appear once, in order, as the body text; what
varies is everything around them, the markup of the paragraphs themselves
(inline links, <em>, entities, hard-wrapped source lines) and the charset.
"""
import re
import html, html.entities, json, os, random, re, subprocess, sys

WORDS = ("market council season player government minister company report "
         "police film music school health energy water city river court "
         "election price team league show album policy bank union").split()


def lorem(rng, n):
    """A plausible sentence of n words from a small vocabulary."""
    w = [rng.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + rng.choice([".", ".", ".", "?", "!"])


def headline(rng, text):
    """A headline sharing words with the text but not a prefix of any of
    its paragraphs (a real headline is not the first sentence)."""
    words = text.split()
    if len(words) < 4:
        return "Latest: " + " ".join(words)
    start = rng.randint(1, max(1, min(len(words) - 3, 12)))
    span = words[start:start + rng.randint(5, 10)]
    # Within one sentence: a headline that runs on past a full stop
    # ("Control of the club's badges. reports") reads as two units in
    # plain text, where a page's <h1> is one.
    for j, w in enumerate(span):
        if re.search(r"[.!?][\"'\u201d\u2019)]*$", w):
            span = span[:j + 1] if j >= 2 else span[j + 1:]
            break
    return " ".join(span).strip(",;:.!?\"' ").capitalize() or "News"


def esc(rng, s, level=1):
    """HTML-escape s, sometimes with named or numeric references."""
    out = []
    for ch in s:
        cp = ord(ch)
        if ch in "&<>":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}[ch])
        elif ch == '"' and level and rng.random() < 0.3:
            out.append("&quot;")
        elif cp > 127 and level and rng.random() < 0.5:
            name = html.entities.codepoint2name.get(cp)
            out.append("&%s;" % name if name and rng.random() < 0.6 else "&#%d;" % cp)
        elif ch == "'" and level > 1 and rng.random() < 0.5:
            out.append("&#39;")
        else:
            out.append(ch)
    return "".join(out)


def wrap_source(rng, s, indent):
    """Hard-wraps markup text at ~70 columns, like a pretty-printer."""
    if rng.random() < 0.5:
        return s
    lines, cur = [], ""
    for word in s.split(" "):
        if len(cur) + len(word) > 70 and cur:
            lines.append(cur)
            cur = word
        else:
            cur = (cur + " " + word) if cur else word
    lines.append(cur)
    return ("\n" + indent).join(lines)


def inline_markup(rng, p):
    """Escapes a paragraph and wraps a few words in <a>, <em>, <strong>."""
    words = p.split(" ")
    out, i = [], 0
    while i < len(words):
        r = rng.random()
        if r < 0.03 and i + 3 <= len(words) and len(words) >= 8:
            out.append('<a href="/news/%d">%s</a>' % (rng.randint(1, 99999), esc(rng, " ".join(words[i:i + 3]))))
            i += 3
        elif r < 0.05:
            tag = rng.choice(["em", "strong", "b", "i", "span"])
            out.append("<%s>%s</%s>" % (tag, esc(rng, words[i]), tag))
            i += 1
        else:
            out.append(esc(rng, words[i]))
            i += 1
    return " ".join(out)


def links(rng, n, cls=None, prefix="/"):
    items = []
    for _ in range(n):
        t = " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(1, 3)))
        items.append('<li%s><a href="%s%s">%s</a></li>' % (' class="%s"' % cls if cls else "", prefix,
                                                            t.lower().replace(" ", "-"), t))
    return "\n".join(items)


def teaser_list(rng, n, title="Related stories"):
    items = "\n".join('<li><a href="/story/%d">%s</a></li>' % (rng.randint(1, 9999), headline(rng, lorem(rng, 9)))
                      for _ in range(n))
    return "<h3>%s</h3>\n<ul>\n%s\n</ul>" % (title, items)


def script(rng):
    return rng.choice([
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>",
        '<script async src="https://example.com/ads.js"></script>',
        "<script>var s='<p>not article text</p>';if(a<b&&c>d){document.write(s)}</script>",
        "<style>.x{color:red}p>a{margin:0}</style>",
    ])


def cookie_banner(rng):
    return rng.choice([
        '<div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you the best experience '
        'on our website. By continuing to browse you agree to our use of cookies.</p>'
        '<button>Accept all</button> <a href="/privacy">Learn more</a></div>',
        '<div class="gdpr-overlay" role="dialog"><h2>Your privacy</h2><p>We and our partners store and access '
        'information on your device, such as cookies, for personalised ads and content.</p>'
        '<button>I agree</button></div>',
    ])


def comments(rng, n):
    out = ['<section id="comments" class="comments-area"><h2>%d comments</h2><ol class="comment-list">' % n]
    for i in range(n):
        body = " ".join(lorem(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 4)))
        out.append('<li class="comment" id="comment-%d"><div class="comment-author">user%d</div>'
                   '<div class="comment-content"><p>%s</p></div><a class="reply" href="#">Reply</a></li>'
                   % (i, rng.randint(1, 999), body))
    out.append("</ol></section>")
    return "\n".join(out)


def footer(rng):
    cols = "\n".join('<div class="footer-col"><h4>%s</h4><ul>%s</ul></div>' % (rng.choice(WORDS).capitalize(),
                                                                             links(rng, rng.randint(3, 6)))
                     for _ in range(rng.randint(2, 4)))
    return ('<footer class="site-footer">%s<p class="copyright">&copy; 2024 Example Media Ltd. All rights '
            'reserved. Registered in England.</p></footer>' % cols)


def share_bar(rng):
    return ('<div class="share-tools"><a href="#" class="share-facebook">Share on Facebook</a> '
            '<a href="#" class="share-twitter">Tweet</a> <a href="#">Email</a></div>')


def figure(rng):
    return ('<figure class="image"><img src="/img/%d.jpg" alt="A photo"><figcaption>%s '
            '<span class="credit">Photo: Agency</span></figcaption></figure>' % (rng.randint(1, 999), lorem(rng, 8)))


def body_paragraphs(rng, paras, indent, extras):
    """The article's paragraphs as <p>s, with in-body boilerplate between."""
    out = []
    for i, p in enumerate(paras):
        out.append("%s<p>%s</p>" % (indent, wrap_source(rng, inline_markup(rng, p), indent)))
        if i + 1 < len(paras) and extras:
            r = rng.random()
            if r < 0.08:
                out.append(indent + figure(rng))
            elif r < 0.13:
                out.append('%s<p class="related-link"><strong>Related:</strong> <a href="/x/%d">%s</a></p>'
                           % (indent, rng.randint(1, 999), headline(rng, lorem(rng, 9))))
            elif r < 0.17:
                out.append('%s<div class="ad-slot"><span>Advertisement</span><div id="ad-%d"></div></div>'
                           % (indent, i))
    return "\n".join(out)


def t_news(rng, title, paras):
    nav = '<header class="masthead"><a class="logo" href="/">The Daily Example</a><nav class="main-nav"><ul>%s</ul></nav></header>' % links(rng, rng.randint(5, 12))
    jsonld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":%s,"articleBody":%s}</script>'
              % (json.dumps(title), json.dumps("\n\n".join(paras)))) if rng.random() < 0.5 else ""
    art = ['<main id="main"><article class="story">',
           '<header class="story-header"><h1>%s</h1><p class="byline">By <a href="/staff/x">Staff Reporter</a>'
           '</p><time datetime="2024-03-01">1 March 2024</time></header>' % esc(rng, title),
           share_bar(rng) if rng.random() < 0.7 else "",
           '<div class="story-body">', body_paragraphs(rng, paras, "  ", True), "</div>",
           '<aside class="related-stories">%s</aside>' % teaser_list(rng, rng.randint(3, 6)) if rng.random() < 0.8 else "",
           "</article>", comments(rng, rng.randint(0, 6)) if rng.random() < 0.6 else "", "</main>"]
    return ("<!DOCTYPE html><html lang=en><head><meta charset=\"utf-8\"><title>%s - The Daily Example</title>"
            '<meta property="og:title" content="%s"><meta property="og:site_name" content="The Daily Example">%s%s'
            "</head><body>%s%s%s%s%s</body></html>" % (esc(rng, title, 0), html.escape(title), jsonld, script(rng),
                                                     cookie_banner(rng) if rng.random() < 0.7 else "", nav,
                                                     "\n".join(art), footer(rng), script(rng)))


def t_blog(rng, title, paras):
    widgets = "\n".join('<section class="widget widget_%s"><h2 class="widget-title">%s</h2><ul>%s</ul></section>'
                        % (w, w.capitalize(), links(rng, rng.randint(4, 9))) for w in ("recent", "archives", "categories"))
    tags = '<div class="tagcloud">%s</div>' % " ".join('<a href="/tag/%s">%s</a>' % (w, w) for w in rng.sample(WORDS, 8))
    return ('<!DOCTYPE html><html><head><meta charset="UTF-8"><title>%s | My Little Blog</title>%s</head>'
            '<body class="post-template-default single"><div id="page" class="site"><div class="site-branding">'
            '<p class="site-title"><a href="/">My Little Blog</a></p><p class="site-description">Thoughts on '
            'everything</p></div><div id="content" class="site-content"><div id="primary" class="content-area">'
            '<div class="post type-post"><h1 class="entry-title">%s</h1><div class="entry-meta">Posted on '
            'March 1, 2024 by admin</div><div class="entry-content">\n%s\n</div><div class="entry-footer">'
            'Filed under: <a href="/c/news">News</a> %s</div></div>%s</div><div id="secondary" class="widget-area '
            'sidebar">%s</div></div><div class="site-info">Proudly powered by WordPress</div></div>%s</body></html>'
            % (esc(rng, title), script(rng), esc(rng, title), body_paragraphs(rng, paras, "\t", rng.random() < 0.5),
               tags, comments(rng, rng.randint(2, 10)), widgets, script(rng)))


def t_table(rng, title, paras):
    body = "<br><br>\n".join(wrap_source(rng, inline_markup(rng, p).replace("<span>", "<font color=#333>")
                                         .replace("</span>", "</font>"), "") for p in paras)
    nav = "<br>".join('<a href="/%s.html"><font size=1>%s</font></a>' % (w, w.upper()) for w in rng.sample(WORDS, 10))
    return ('<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">'
            "<TITLE>%s</TITLE></HEAD><BODY BGCOLOR=#FFFFFF><TABLE WIDTH=760 BORDER=0><TR><TD COLSPAN=2>"
            '<IMG SRC="/banner.gif" ALT="Example News"></TD></TR><TR><TD WIDTH=150 VALIGN=TOP BGCOLOR=#EEEEEE>%s'
            "</TD><TD VALIGN=TOP><FONT FACE=Arial SIZE=4><B>%s</B></FONT><BR><FONT SIZE=1>Last updated 1 March"
            "</FONT><P><FONT FACE=Arial SIZE=2>%s</FONT></P><HR><FONT SIZE=1>%s</FONT></TD></TR>"
            "<TR><TD COLSPAN=2 ALIGN=CENTER><FONT SIZE=1>&copy; Example News 1999 | <A HREF=/contact>Contact</A>"
            " | <A HREF=/privacy>Privacy</A></FONT></TD></TR></TABLE></BODY></HTML>"
            % (esc(rng, title, 2), nav, esc(rng, title, 2), body, teaser_list(rng, 4, "See also")))


def hashed(rng):
    return "css-%x" % rng.getrandbits(24)


def t_spa(rng, title, paras):
    cls = [hashed(rng) for _ in range(6)]
    icon = '<svg viewBox="0 0 10 10"><path d="M0 0L10 10"/><text>icon</text></svg>'
    parts = []
    for i, p in enumerate(paras):
        parts.append('<div class="%s">%s</div>' % (cls[0], inline_markup(rng, p)))
        if i == len(paras) // 2 and rng.random() < 0.6:
            parts.append('<div class="newsletter-signup %s"><h3>Get our newsletter</h3><p>Sign up for the '
                         'best stories in your inbox every morning, free.</p><input type=email><button>Sign up'
                         '</button></div>' % cls[1])
        elif rng.random() < 0.1:
            parts.append('<div class="%s"><div class="%s">Advertisement</div></div>' % (cls[2], cls[3]))
    return ('<!doctype html><html><head><meta charset=utf-8><title>%s</title>%s</head><body><div id="root">'
            '<div class="%s">%s<a href="/">Brand</a>%s</div><div class="%s" style="display:none"><p>Sign in '
            'to continue reading this and many other great stories today.</p></div><div class="%s">'
            '<h1 class="%s">%s</h1><div class="%s">%s</div></div><div class="read-more %s">%s</div>'
            '<div class="%s">%s</div></div>%s</body></html>'
            % (esc(rng, title), script(rng), cls[4], icon, links(rng, 6).replace("li", "span"), cls[5], cls[4],
               cls[5], esc(rng, title), cls[3], "\n".join(parts), cls[1], teaser_list(rng, 5, "Read more"),
               cls[2], links(rng, 8).replace("li", "div"), script(rng)))


def t_amp(rng, title, paras):
    bio = ('<div class="author-bio"><amp-img src="/a.jpg" width=50 height=50></amp-img><p>Jane Doe is a '
           'senior correspondent who has covered politics and business for fifteen years.</p></div>')
    most = '<div class="most-read"><h3>Most read</h3><ol>%s</ol></div>' % "".join(
        '<li><a href="/m/%d">%s</a><p>%s</p></li>' % (i, headline(rng, lorem(rng, 8)), lorem(rng, 14)) for i in range(5))
    return ('<!doctype html><html amp><head><meta charset="utf-8"><title>%s</title>'
            '<meta property="og:title" content="%s"></head><body><amp-sidebar id="sidebar" layout="nodisplay">'
            '<ul>%s</ul></amp-sidebar><div class="page"><article itemscope itemtype="http://schema.org/NewsArticle">'
            '<h1 itemprop="headline">%s</h1><div itemprop="articleBody">\n%s\n</div><ul class="tags">%s</ul>%s'
            '</article>%s</div></body></html>'
            % (esc(rng, title), html.escape(title), links(rng, 8), esc(rng, title),
               body_paragraphs(rng, paras, "", rng.random() < 0.5), links(rng, 5, "tag", "/tag/"), bio, most))


TEMPLATES = {"news": t_news, "blog": t_blog, "table": t_table, "spa": t_spa, "amp": t_amp}


def generate(data, outdir, n, seed):
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "manifest.jsonl"), "w") as man:
        for k, line in enumerate(open(data, encoding="utf-8")):
            if k >= n:
                break
            rec = json.loads(line)
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", rec["article"]) if p.strip()]
            name = rng.choice(sorted(TEMPLATES))
            title = headline(rng, paras[0])
            page = TEMPLATES[name](rng, title, paras)
            charset = "windows-1252" if name == "table" else "utf-8"
            data_bytes = page.encode(charset, errors="xmlcharrefreplace")
            fn = "%04d.html" % k
            open(os.path.join(outdir, fn), "wb").write(data_bytes)
            man.write(json.dumps({"file": fn, "id": rec["id"], "template": name, "charset": charset,
                                  "title": title, "paragraphs": paras}) + "\n")


WORD = re.compile(r"\w+", re.UNICODE)


def run_extract(precis, files, *opts):
    """{basename: text} from `precis extract [opts] FILE...` (its '==> F <=='
    headers split the output)."""
    got = {}
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        p = subprocess.run([precis, "extract", *opts, *chunk], capture_output=True, check=True)
        out = p.stdout.decode("utf-8", "replace")
        if len(chunk) == 1:
            got[os.path.basename(chunk[0])] = out
            continue
        for part in re.split(r"(?:^|\n)==> ", out)[1:]:
            head, _, body = part.partition(" <==\n")
            got[os.path.basename(head)] = body
    return got


def check(outdir, precis, show):
    man = [json.loads(l) for l in open(os.path.join(outdir, "manifest.jsonl"))]
    files = [os.path.join(outdir, m["file"]) for m in man]
    bodies = run_extract(precis, files)
    titles = run_extract(precis, files, "--title")
    got = {f: {"articleBody": bodies.get(f, ""), "title": titles.get(f, "").strip()}
           for f in set(bodies) | set(titles)}
    words_ok = paras_ok = title_ok = 0
    recovered = total = 0
    per = {}
    bad = []
    for m in man:
        g = got[m["file"]]
        want_w, got_w = WORD.findall(" ".join(m["paragraphs"])), WORD.findall(g["articleBody"])
        gp = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", g["articleBody"]) if p.strip()]
        ok = want_w == got_w
        words_ok += ok
        paras_ok += gp == m["paragraphs"]
        title_ok += g["title"] == m["title"]
        s = set(map(tuple, zip(want_w, want_w[1:])))
        recovered += len(s & set(map(tuple, zip(got_w, got_w[1:]))))
        total += len(s)
        t = per.setdefault(m["template"], [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok:
            bad.append((m, g))
    n = len(man)
    print("%d pages: word sequence exact %.1f%%, paragraphs exact %.1f%%, title exact %.1f%%, "
          "article bigrams recovered %.2f%%" % (n, 100.0 * words_ok / n, 100.0 * paras_ok / n,
                                                100.0 * title_ok / n, 100.0 * recovered / max(1, total)))
    print("per template (exact words): " + ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(per.items())))
    for m, g in bad[:show]:
        want = WORD.findall(" ".join(m["paragraphs"]))
        gotw = WORD.findall(g["articleBody"])
        i = 0
        while i < min(len(want), len(gotw)) and want[i] == gotw[i]:
            i += 1
        print("--- %s (%s) first difference at word %d: want %r got %r" % (
            m["file"], m["template"], i, " ".join(want[i:i + 8]), " ".join(gotw[i:i + 8])))


def main(argv):
    if len(argv) >= 3 and argv[0] == "generate":
        n = int(argv[argv.index("-n") + 1]) if "-n" in argv else 300
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
        generate(argv[1], argv[2], n, seed)
    elif len(argv) >= 3 and argv[0] == "check":
        show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 5
        check(argv[1], argv[2], show)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
