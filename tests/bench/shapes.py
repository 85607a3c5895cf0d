#!/usr/bin/env python3
"""The same articles in many shapes: precis must pick the same sentences.

Most plain text is hard-wrapped, indented, CRLF-terminated or Markdown, yet
it says what the clean text says. This harness takes news articles from the
shared data sets, writes each one in several shapes (below), runs precis on
every shape and on the clean article for every method, and counts, per shape
and method, the articles whose picked sentences (their texts, white space
runs of space, tab and newline collapsed to one space) equal those of the
clean article. A carriage return in a pick is a difference: it must not leak
into the output.

Shapes (W = 40, 50, ..., 100):
  clean           the article, one paragraph per line, paragraphs separated
                  by a blank line (XSum articles, which have one sentence or
                  fragment per line and no blank lines, get one paragraph per
                  line)
  wrapW           each paragraph word-wrapped greedily at W columns, blank
                  lines kept; a word longer than W stands on a line of its own
  crlf-clean      clean, CRLF line ends
  crlf-wrap72     wrap72, CRLF line ends
  indent-blank    first line of each paragraph indented (2, 3 or 4 spaces or
                  a tab, one style per article; a tab counts as 8 columns),
                  wrapped at a width of 60-80 chosen per article, paragraphs
                  separated by blank lines
  indent-noblank  the same without blank lines: a paragraph starts at an
                  indented line
  markdown        (.md) '# Headline' (ATX or setext, chosen per article) when
                  the article's first paragraph looks like a headline (short,
                  no terminal punctuation; no heading otherwise), paragraphs
                  wrapped at 68-76 columns, Markdown punctuation in the text
                  backslash-escaped, inline markup sprinkled on single words
                  (**bold**, _em_, [word](https://example.com/x), `code`),
                  and after the article a '## Links' section, a bullet list
                  of 3-5 links '- [Title](url)' whose titles are phrases of
                  the article. The markup must vanish from the picks and the
                  link titles must never be picked (counted separately).
  html            (.html) a whole web page around the article, from
                  gen_pages.py: one of five templates (news site, blog,
                  table layout in windows-1252, hashed-class SPA, AMP) with
                  navigation, banners, related links, comments, ads, scripts
                  and footers; the headline is the page title and <h1>. Its
                  reference is the clean text, headed by the page's headline
                  when the article has none of its own.

Everything is seeded (--seed) and deterministic: an article's shapes depend
only on the seed, its data set and its index, never on the selection.

Selections (--select, comma-separated; the data sets' README and PROVENANCE):
  bbc-tune    BBC News Summary records whose index is not a multiple of 4
              (1,668; a tuning set)
  bbc-report  every 4th BBC record (557; REPORT: never tune on it)
  cnndm-raw   cnndm_test_raw.jsonl (377, raw CNN/DailyMail, 277 with
              paragraph breaks; REPORT)
  xsum        xsum_frank.jsonl (251, raw BBC lines; REPORT)
  report      bbc-report,cnndm-raw,xsum
(cnndm_dev.jsonl is a tuning file, but it has no paragraph breaks and is
lowercased and tokenized: useless here.) --data adds any other JSONL files
with an "article" field, all their records.

Runs: one precis process per method, shape group and batch of files
(`precis summarize -f json -m METHOD [ARGS] FILE...`, one JSON line per
file). The clean reference gets --common-args only; every shape, the clean
shape included, also gets --extra-args, and .md files --md-args too. So
with --extra-args='--wrap=auto' the 'clean' row tells whether the option
changes clean text.

Examples:
  shapes.py --precis /work/build0/precis --limit 200
  shapes.py --precis ./precis --extra-args='--wrap=auto' \\
            --md-args='--input-format=markdown' --min-rate 0.99
  shapes.py --select report --json > report.json
  shapes.py --keep /tmp/shapes --limit 5 --shapes wrap40,markdown --methods tfidf

Exit status: 0 ok (or every rate >= --min-rate), 1 some rate below
--min-rate, 2 usage error or precis could not run.
"""
import argparse
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pages  # noqa: E402  (the page templates)

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = "/work/shared/eval/datasets"
WIDTHS = list(range(40, 101, 10))
BATCH = 400          # files per precis process

SELECTIONS = {
    # name: (file, predicate on the record's 0-based index, report set?)
    "bbc-tune": ("bbc_news_summary.jsonl", lambda i: i % 4 != 0, False),
    "bbc-report": ("bbc_news_summary.jsonl", lambda i: i % 4 == 0, True),
    "cnndm-raw": ("cnndm_test_raw.jsonl", lambda i: True, True),
    "xsum": ("xsum_frank.jsonl", lambda i: True, True),
}
ALIASES = {"report": ["bbc-report", "cnndm-raw", "xsum"]}


class Article:
    """One record: where it came from and its paragraphs (clean, one line each)."""

    def __init__(self, source, index, rid, paragraphs):
        self.source = source          # data set file name without .jsonl
        self.index = index            # 0-based record index in that file
        self.id = rid
        self.paragraphs = paragraphs
        self.name = "%s-%05d" % (re.sub(r"[^A-Za-z0-9_.-]", "_", source),
                                 index)

    def rng(self, seed, purpose):
        """A generator that depends only on seed, article and purpose."""
        return random.Random("%s|%s|%d|%s" % (seed, self.source, self.index,
                                              purpose))


# ---------------------------------------------------------------- articles

def split_paragraphs(text):
    """Paragraphs of an article: blank-line separated blocks; inside a block
    every line is a paragraph of its own (XSum keeps one line per sentence).
    Runs of spaces and tabs become one space; NBSP and the like are kept."""
    paras = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip(" ")
        if line:
            paras.append(line)
    return paras


def load(path, source, keep=lambda i: True):
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not keep(i):
                continue
            rec = json.loads(line)
            text = rec.get("article")
            if not isinstance(text, str):
                continue
            paras = split_paragraphs(text)
            if paras:
                out.append(Article(source, i, str(rec.get("id", i)), paras))
    return out


def select_articles(select, data, datasets, limit, seed):
    """The articles of the named selections and --data files, in order,
    then a seeded sample of --limit of them (kept in order)."""
    arts, report = [], []
    names = []
    for name in select:
        names.extend(ALIASES.get(name, [name]))
    for name in names:
        if name not in SELECTIONS:
            raise SystemExit("shapes.py: unknown selection '%s' (one of %s)"
                             % (name, ", ".join(list(SELECTIONS) +
                                                list(ALIASES))))
        fname, pred, is_report = SELECTIONS[name]
        arts.extend(load(os.path.join(datasets, fname), fname[:-6], pred))
        if is_report:
            report.append(name)
    for path in data:
        base = os.path.basename(path)
        arts.extend(load(path, base[:-6] if base.endswith(".jsonl") else base))
    if limit and limit < len(arts):
        pick = sorted(random.Random("%s|limit" % seed).sample(
            range(len(arts)), limit))
        arts = [arts[i] for i in pick]
    return arts, report


# ------------------------------------------------------------------ shapes

def columns(s):
    """Display columns of an indent string (a tab to the next multiple of 8)."""
    col = 0
    for ch in s:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


def wrap(words, width, indent=""):
    """Greedy word wrap: each line takes the next word while it fits in
    width columns (code points); a longer word stands alone. The first line
    starts with indent, which counts towards the width."""
    lines, cur, used = [], indent, columns(indent)
    empty = True
    for w in words:
        if empty:
            cur, used, empty = cur + w, used + len(w), False
        elif used + 1 + len(w) <= width:
            cur, used = cur + " " + w, used + 1 + len(w)
        else:
            lines.append(cur)
            cur, used = w, len(w)
    if not empty:
        lines.append(cur)
    return lines


def words_of(p):
    return [w for w in p.split(" ") if w]


TERMINAL = re.compile(r"[.!?\u2026:;,][\"'\u201d\u2019)\]]*$")


def looks_like_headline(paras):
    """The first paragraph is a headline: 2-20 words, at most 120 code points,
    no terminal punctuation, and more paragraphs follow."""
    if len(paras) < 2:
        return False
    p = paras[0]
    n = len(words_of(p))
    return 2 <= n <= 20 and len(p) <= 120 and not TERMINAL.search(p)


def text_clean(a, seed):
    return "\n\n".join(a.paragraphs) + "\n"


def wrapped_paragraphs(a, width, indent=""):
    """Each paragraph of an article as its list of wrapped lines."""
    return [wrap(words_of(p), width, indent) for p in a.paragraphs]


def text_wrapped(a, width, sep="\n\n"):
    return sep.join("\n".join(ls) for ls in wrapped_paragraphs(a, width)) \
        + "\n"


def crlf(s):
    return s.replace("\n", "\r\n")


INDENTS = ["  ", "   ", "    ", "\t"]


def indented_paragraphs(a, seed):
    """The indented shapes' paragraphs as lists of lines (one indent style
    and one width per article)."""
    rng = a.rng(seed, "indent")
    indent = rng.choice(INDENTS)
    width = rng.randint(60, 80)
    return wrapped_paragraphs(a, width, indent)


def text_indented(a, seed, blank):
    return ("\n\n" if blank else "\n").join(
        "\n".join(ls) for ls in indented_paragraphs(a, seed)) + "\n"


# Markdown ---------------------------------------------------------------

MD_ESCAPE = re.compile(r"([\\*_`\[\]<>|~])")
ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
LINE_START = re.compile(r"^(?:[#>=+-]|\d+[.)](?=\s|$))")
PLAIN_WORD = re.compile(r"^[A-Za-z]{4,}$")


def md_escape_word(w):
    return ENTITY.sub(r"\\&", MD_ESCAPE.sub(r"\\\1", w))


def md_escape_line_start(line):
    """Backslash-escape what would open a block at the start of a line:
    '#', '>', '=', '+', '-' and '1.' / '1)'."""
    m = LINE_START.match(line)
    if not m:
        return line
    s = m.group(0)
    return s[:-1] + "\\" + s[-1] + line[len(s):]


MARKUP = {"bold": "**%s**", "em": "_%s_",
          "link": "[%s](https://example.com/x)", "code": "`%s`"}


def md_markup(paras, rng):
    """Escape the paragraphs' words and sprinkle inline markup on plain
    words (letters only, 4 or more, so that the delimiters are flanked by
    spaces): each kind once, then one more per three paragraphs, kinds
    drawn at random. Returns a list of word lists."""
    out = [[md_escape_word(w) for w in words_of(p)] for p in paras]
    eligible = [(i, j) for i, p in enumerate(paras)
                for j, w in enumerate(words_of(p)) if PLAIN_WORD.match(w)]
    rng.shuffle(eligible)
    kinds = list(MARKUP)
    rng.shuffle(kinds)
    kinds += [rng.choice(list(MARKUP)) for _ in range(len(paras) // 3)]
    for (i, j), kind in zip(eligible, kinds):
        out[i][j] = MARKUP[kind] % words_of(paras[i])[j]
    return out


def link_titles(a, rng):
    """3-5 phrases of 3-7 words from the article's body, first letter
    capitalised, trailing punctuation dropped: topical, hence tempting."""
    body = a.paragraphs[1:] if looks_like_headline(a.paragraphs) else \
        a.paragraphs
    titles = []
    for _ in range(rng.randint(3, 5)):
        ws = words_of(rng.choice(body))
        n = min(len(ws), rng.randint(3, 7))
        start = rng.randint(0, len(ws) - n)
        t = " ".join(ws[start:start + n]).rstrip(".,;:!?\"'\u201d\u2019)")
        t = t.lstrip("\"'\u201c\u2018(")
        if t:
            titles.append(t[0].upper() + t[1:])
    return titles or ["More on this story"]


def slug(t):
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-") or "story"


def markdown_and_titles(a, seed):
    """The Markdown shape of an article and the link titles it lists."""
    rng = a.rng(seed, "markdown")
    width = rng.randint(68, 76)
    out = []
    paras = list(a.paragraphs)
    if looks_like_headline(paras):
        head = " ".join(md_escape_word(w).replace("#", "\\#")
                        for w in words_of(paras.pop(0)))
        if rng.random() < 0.5:
            out.append("# " + head)
        else:
            out.append(md_escape_line_start(head) + "\n" +
                       "=" * max(3, len(head)))
    for words in md_markup(paras, rng):
        out.append("\n".join(md_escape_line_start(l)
                             for l in wrap(words, width)))
    titles = link_titles(a, rng)
    links = ["- [%s](https://example.com/news/%s)"
             % (" ".join(md_escape_word(w) for w in words_of(t)), slug(t))
             for t in titles]
    out.append("## Links")
    out.append("\n".join(links))
    return "\n\n".join(out) + "\n", titles


def text_markdown(a, seed):
    return markdown_and_titles(a, seed)[0]


def md_link_titles(a, seed):
    return markdown_and_titles(a, seed)[1]


def md4c_blocks(text, flags=0x0F0C):
    """The paragraphs and headings of a Markdown text as md4c parses it
    (libmd4c through ctypes; flags default to MD_DIALECT_GITHUB): a list of
    (kind, text), soft breaks as spaces. None when libmd4c is missing.
    Used by --verify-md to check the generator, not by the comparison."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("md4c")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    BLK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p,
                           ctypes.c_void_p)
    TXT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p,
                           ctypes.c_uint, ctypes.c_void_p)

    class Parser(ctypes.Structure):
        _fields_ = [("abi_version", ctypes.c_uint), ("flags", ctypes.c_uint),
                    ("enter_block", BLK), ("leave_block", BLK),
                    ("enter_span", BLK), ("leave_span", BLK), ("text", TXT),
                    ("debug_log", ctypes.c_void_p),
                    ("syntax", ctypes.c_void_p)]
    LI, H, P = 4, 6, 9                           # MD_BLOCK_LI, _H, _P
    blocks, stack, buf = [], [], []

    def enter(t, d, u):
        stack.append(t)
        if t in (H, P, LI) and LI not in stack[:-1]:
            buf.clear()
        return 0

    def leave(t, d, u):
        stack.pop()
        if t == LI:
            buf.append(" ")
        if t in (H, P, LI) and LI not in stack:
            blocks.append(({LI: "li", H: "h", P: "p"}[t],
                           "".join(buf)))
        return 0

    def span(t, d, u):
        return 0

    def on_text(t, p, n, u):
        s = ctypes.string_at(p, n).decode("utf-8")
        buf.append(" " if t in (2, 3) else s)    # MD_TEXT_BR, MD_TEXT_SOFTBR
        return 0
    cbs = (BLK(enter), BLK(leave), BLK(span), BLK(span), TXT(on_text))
    parser = Parser(0, flags, *cbs, None, None)
    data = text.encode("utf-8")
    lib.md_parse(data, len(data), ctypes.byref(parser), None)
    return blocks


def verify_markdown(arts, seed):
    """Problems of the Markdown shape: its blocks, as md4c sees them, must be
    the clean paragraphs (the headline a heading), then the '## Links'
    heading and one list item per title."""
    bad = []
    for a in arts:
        text, titles = markdown_and_titles(a, seed)
        blocks = md4c_blocks(text)
        if blocks is None:
            return ["libmd4c not found: cannot verify"]
        want = [("h" if i == 0 and looks_like_headline(a.paragraphs) else
                 "p", p) for i, p in enumerate(a.paragraphs)]
        want += [("h", "Links")] + [("li", t) for t in titles]
        got = [(k, re.sub(" +", " ", t).strip()) for k, t in blocks]
        want = [(k, re.sub(" +", " ", t).strip()) for k, t in want]
        if got != want:
            diff = next(i for i, (x, y) in enumerate(zip(got + [None] * 99,
                                                         want + [None] * 99))
                        if x != y)
            bad.append("%s: block %d: md4c %r, want %r" % (
                a.name, diff, got[diff] if diff < len(got) else None,
                want[diff] if diff < len(want) else None))
    return bad


def page_parts(a, seed):
    """The html shape's template, headline and body paragraphs: an article
    with a headline of its own keeps it; otherwise one is made up."""
    rng = a.rng(seed, "html")
    name = rng.choice(sorted(gen_pages.TEMPLATES))
    if looks_like_headline(a.paragraphs):
        return name, a.paragraphs[0], a.paragraphs[1:], rng
    return name, gen_pages.headline(rng, a.paragraphs[0]), a.paragraphs, rng


def page_html(a, seed):
    """The html shape: bytes in the template's charset."""
    name, title, body, rng = page_parts(a, seed)
    page = gen_pages.TEMPLATES[name](rng, title, body)
    charset = "windows-1252" if name == "table" else "utf-8"
    return page.encode(charset, errors="xmlcharrefreplace")


def page_reference(a, seed):
    """What the html shape must summarize like: its headline, then the body."""
    _, title, body, _ = page_parts(a, seed)
    return "\n\n".join([title] + body) + "\n"


def make_shapes():
    """name -> (extension, function(article, seed) -> text or bytes,
    reference function or None for the clean text), in table order."""
    shapes = {"clean": (".txt", text_clean)}
    for w in WIDTHS:
        shapes["wrap%d" % w] = (".txt", lambda a, s, w=w: text_wrapped(a, w))
    shapes["crlf-clean"] = (".txt", lambda a, s: crlf(text_clean(a, s)))
    shapes["crlf-wrap72"] = (".txt", lambda a, s: crlf(text_wrapped(a, 72)))
    shapes["indent-blank"] = (".txt",
                              lambda a, s: text_indented(a, s, True))
    shapes["indent-noblank"] = (".txt",
                                lambda a, s: text_indented(a, s, False))
    shapes["markdown"] = (".md", text_markdown)
    shapes = {k: v + (None,) for k, v in shapes.items()}
    shapes["html"] = (".html", page_html, page_reference)
    return shapes


SHAPES = make_shapes()


# ------------------------------------------------------------------ precis

def list_methods(precis):
    p = subprocess.run([precis, "--list-methods"], capture_output=True,
                       text=True)
    if p.returncode != 0:
        raise SystemExit("shapes.py: %s --list-methods failed: %s"
                         % (precis, p.stderr.strip()))
    return [l.split()[0] for l in p.stdout.splitlines() if l.strip()]


def run_precis(precis, method, args, files, jobs):
    """Picks per file: {path: [text, ...]}; a file precis rejected is
    missing. Returns (picks, stderr lines)."""
    picks, errors = {}, []
    for i in range(0, len(files), BATCH):
        chunk = files[i:i + BATCH]
        cmd = [precis, "summarize", "-f", "json", "-m", method,
               "-j", str(jobs), *args, *chunk]
        p = subprocess.run(cmd, capture_output=True)
        if p.returncode == 2:
            raise SystemExit("shapes.py: usage error from precis: %s\n  %s"
                             % (p.stderr.decode(errors="replace").strip(),
                                shlex.join(cmd[:12])))
        for line in p.stdout.decode("utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
                picks[rec["file"]] = [s["text"] for s in rec["sentences"]]
            except (ValueError, KeyError, TypeError):
                errors.append("unparsable output: " + line[:200])
        errors.extend(p.stderr.decode(errors="replace").splitlines())
    return picks, errors


def clean_sentences(precis, arts):
    """{article name: set of the clean text's sentences} from precis split
    (default options), for the 'not a sentence' diagnostic."""
    data = "".join(json.dumps({"id": a.name, "text": text_clean(a, None)})
                   + "\n" for a in arts)
    p = subprocess.run([precis, "split", "--input=jsonl"], input=data.encode(),
                       capture_output=True)
    out = {}
    for a, line in zip(arts, p.stdout.decode("utf-8", "replace").splitlines()):
        try:
            out[a.name] = {norm(t) for t in json.loads(line)}
        except ValueError:
            pass
    return out


def is_link_pick(t, titles):
    """Did a pick come from the Markdown shape's Links section?"""
    bare = re.sub(r"^[-#*\s]+", "", t)
    return t in titles or bare in titles or "example.com/news/" in t or \
        bare == "Links"


def norm(t):
    """Collapse runs of space, tab and newline (not CR) to one space."""
    return re.sub(r"[ \t\n]+", " ", t).strip(" ")


# ------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="shapes.py", description=__doc__.split("\n\n")[0],
        epilog=__doc__[__doc__.index("\n\n") + 2:],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--precis", default="precis",
                    help="the precis binary (default: precis on PATH)")
    ap.add_argument("--data", nargs="+", default=[], metavar="FILE",
                    help="more JSONL files with an 'article' field")
    ap.add_argument("--datasets", default=DATASETS, metavar="DIR",
                    help="where the named selections live (default %s)"
                    % DATASETS)
    ap.add_argument("--select", default=None, metavar="LIST",
                    help="comma-separated selections (default bbc-tune, or "
                    "none when --data is given)")
    ap.add_argument("--limit", type=int, default=0, metavar="N",
                    help="a seeded sample of N articles (default all)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--methods", default=None, metavar="LIST",
                    help="comma-separated methods (default: every method of "
                    "precis --list-methods)")
    ap.add_argument("--shapes", default=None, metavar="LIST",
                    help="comma-separated shapes (default all: %s)"
                    % ",".join(SHAPES))
    ap.add_argument("--common-args", default="", metavar="ARGS",
                    help="precis options for every run, the clean reference "
                    "included (e.g. '-n 5' or '--ratio 1')")
    ap.add_argument("--extra-args", default="", metavar="ARGS",
                    help="precis options for the shapes, not the reference "
                    "(e.g. '--wrap=auto')")
    ap.add_argument("--md-args", default="", metavar="ARGS",
                    help="precis options for .md files only (e.g. "
                    "'--input-format=markdown')")
    ap.add_argument("-j", "--jobs", type=int, default=2, metavar="N",
                    help="precis -j N (default 2)")
    ap.add_argument("--min-rate", type=float, default=None, metavar="R",
                    help="exit 1 when any pass rate is below R (0..1)")
    ap.add_argument("--keep", default=None, metavar="DIR",
                    help="write the files to DIR (DIR/SHAPE/NAME.txt) and "
                    "leave them")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print up to N failing articles per shape (the "
                    "first method that fails), expected vs got")
    ap.add_argument("--verify-md", action="store_true",
                    help="check the Markdown generator with libmd4c (ctypes): "
                    "the parsed blocks must be the clean paragraphs; then exit")
    ap.add_argument("--json", action="store_true",
                    help="print the results as one JSON object instead of "
                    "the table")
    args = ap.parse_args(argv)

    select = args.select.split(",") if args.select else \
        ([] if args.data else ["bbc-tune"])
    arts, report = select_articles(select, args.data, args.datasets,
                                   args.limit, args.seed)
    if not arts:
        ap.error("no articles selected")
    if args.verify_md:
        bad = verify_markdown(arts, args.seed)
        for b in bad[:20]:
            print(b)
        print("%d of %d Markdown shapes differ from the clean text"
              % (len(bad), len(arts)))
        return 1 if bad else 0
    shape_names = args.shapes.split(",") if args.shapes else list(SHAPES)
    for s in shape_names:
        if s not in SHAPES:
            ap.error("unknown shape '%s'" % s)
    methods = args.methods.split(",") if args.methods else \
        list_methods(args.precis)
    common = shlex.split(args.common_args)
    extra = shlex.split(args.extra_args)
    mdargs = shlex.split(args.md_args)

    tmp = None
    if args.keep:
        root = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="shapes.")
        root = tmp.name
    try:
        return run(args, arts, report, shape_names, methods, common, extra,
                   mdargs, root)
    finally:
        if tmp:
            tmp.cleanup()


def run(args, arts, report, shape_names, methods, common, extra, mdargs,
        root):
    # write the files; a shape with a reference of its own gets REF-SHAPE
    paths = {}                                 # (shape, name) -> path
    own_ref = [s for s in shape_names if SHAPES[s][2]]
    for shape in ["ref"] + ["ref-" + s for s in own_ref] + shape_names:
        if shape == "ref":
            ext, fn = ".txt", text_clean
        elif shape.startswith("ref-"):
            ext, fn = ".txt", SHAPES[shape[4:]][2]
        else:
            ext, fn = SHAPES[shape][:2]
        d = os.path.join(root, shape)
        os.makedirs(d, exist_ok=True)
        for a in arts:
            p = os.path.join(d, a.name + ext)
            data = fn(a, args.seed)
            if isinstance(data, str):
                data = data.encode("utf-8")
            with open(p, "wb") as f:
                f.write(data)
            paths[shape, a.name] = p
    titles = {a.name: {norm(t) for t in md_link_titles(a, args.seed)}
              for a in arts}

    sentences = clean_sentences(args.precis, arts)
    rates, fails, links_picked, excluded, errors = {}, {}, {}, {}, []
    foreign = {}                 # shape -> method -> [picks, not sentences]
    shown = {}
    for m in methods:
        refs = ["ref"] + ["ref-" + s for s in own_ref]
        ref, err = run_precis(args.precis, m, common,
                              [paths[r, a.name] for r in refs for a in arts],
                              args.jobs)
        errors += err
        groups = [(common + extra, [s for s in shape_names
                                    if SHAPES[s][0] != ".md"]),
                  (common + extra + mdargs, [s for s in shape_names
                                             if SHAPES[s][0] == ".md"])]
        got = {}
        for gargs, gshapes in groups:
            files = [paths[s, a.name] for s in gshapes for a in arts]
            if files:
                g, err = run_precis(args.precis, m, gargs, files, args.jobs)
                got.update(g)
                errors += err
        usable = [a for a in arts if paths["ref", a.name] in ref]
        excluded[m] = len(arts) - len(usable)
        for s in shape_names:
            ok = 0
            fr = foreign.setdefault(s, {}).setdefault(m, [0, 0])
            rs = "ref-" + s if SHAPES[s][2] else "ref"
            for a in usable:
                if paths[rs, a.name] not in ref:
                    continue
                want = [norm(t) for t in ref[paths[rs, a.name]]]
                have = got.get(paths[s, a.name])
                have = None if have is None else [norm(t) for t in have]
                for t in have or []:
                    fr[0] += 1
                    fr[1] += t not in sentences.get(a.name, ())
                    if s == "markdown" and is_link_pick(t, titles[a.name]):
                        links_picked[m] = links_picked.get(m, 0) + 1
                if have == want:
                    ok += 1
                    continue
                fails.setdefault(s, {}).setdefault(m, []).append(a.name)
                if args.show and len(shown.setdefault(s, [])) < args.show \
                        and a.name not in [x[1] for x in shown[s]]:
                    shown[s].append((m, a.name, want, have))
            rates.setdefault(s, {})[m] = ok / len(usable) if usable else 0.0

    worst = min(((rates[s][m], s, m) for s in shape_names for m in methods),
                default=(1.0, "", ""))
    result = {
        "precis": args.precis, "seed": args.seed,
        "articles": len(arts), "sources": sorted({a.source for a in arts}),
        "report_sets": report, "methods": methods, "shapes": shape_names,
        "common_args": common, "extra_args": extra, "md_args": mdargs,
        "excluded": excluded, "rates": rates,
        "links_picked": links_picked,
        "not_sentence": {s: {m: (v[1] / v[0] if v[0] else 0.0)
                             for m, v in d.items()}
                         for s, d in foreign.items()},
        "min": {"rate": worst[0], "shape": worst[1], "method": worst[2]},
        "failures": {s: {m: v[:50] for m, v in d.items()}
                     for s, d in fails.items()},
        "errors": len(errors),
    }
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        print_table(result, shown, errors)
    if args.keep:
        print("files kept in %s" % root, file=sys.stderr)
    if args.min_rate is not None and worst[0] < args.min_rate:
        return 1
    return 0


def print_table(r, shown, errors):
    methods, shapes = r["methods"], r["shapes"]
    print("precis: %s" % r["precis"])
    print("articles: %d from %s (seed %s)%s" % (
        r["articles"], ", ".join(r["sources"]), r["seed"],
        "; REPORT sets %s: do not tune on them" % ",".join(r["report_sets"])
        if r["report_sets"] else ""))
    for k in ("common_args", "extra_args", "md_args"):
        if r[k]:
            print("%s: %s" % (k.replace("_", "-"), shlex.join(r[k])))
    ex = {m: n for m, n in r["excluded"].items() if n}
    if ex:
        print("excluded (no reference picks): %s" % ", ".join(
            "%s %d" % kv for kv in ex.items()))
    print("pass rate, %: picks equal the clean article's")
    w = max(len(s) for s in shapes + ["shape"])
    cw = max(6, max(len(m) for m in methods))
    print("%-*s " % (w, "shape") + " ".join("%*s" % (cw, m) for m in methods)
          + " %*s" % (cw, "min"))
    for s in shapes:
        row = [r["rates"][s][m] for m in methods]
        print("%-*s " % (w, s) + " ".join("%*.1f" % (cw, 100 * x)
                                          for x in row)
              + " %*.1f" % (cw, 100 * min(row)))
    print("picks that are not a sentence of the clean text (precis split), %:")
    print("%-*s " % (w, "shape") + " ".join("%*s" % (cw, m) for m in methods))
    for s in shapes:
        print("%-*s " % (w, s) + " ".join(
            "%*.1f" % (cw, 100 * r["not_sentence"][s][m]) for m in methods))
    mn = r["min"]
    print("overall minimum: %.1f%% (%s, %s)" % (100 * mn["rate"], mn["shape"],
                                                mn["method"]))
    if "markdown" in shapes:
        print("markdown link titles picked (all articles): %s" % (", ".join(
            "%s %d" % (m, r["links_picked"].get(m, 0)) for m in methods)))
    if errors:
        print("precis reported %d errors, e.g. %s" % (len(errors), errors[0]))
    for s, items in shown.items():
        for m, name, want, have in items:
            print("\n--- %s %s (%s)" % (s, name, m))
            for t in want:
                print("  want: %s" % t[:160])
            for t in (have if have is not None else ["<no output>"]):
                print("  got:  %s" % t[:160])


if __name__ == "__main__":
    sys.exit(main())
