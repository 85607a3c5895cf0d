#!/usr/bin/env python3
"""No picked sentence may be a fragment of what a reader sees.

Runs precis over the hard-wrapped fixture documents (fixtures/*.txt and
*.md) and checks every pick against the fixture's expected units
(fixtures/NAME.units, written by fixtures/make_fixtures.py: blocks separated
by blank lines, one unit per line, the lines of a block the sentences of one
paragraph or list item, '~ ' before a verbatim line such as code, a table
row or page furniture).

Each pick (white space collapsed) is classed as
  exact      one expected unit
  within     a run of sentences inside one unit (precis split finer)
  sentences  several whole units of one block (precis split coarser: a
             sentence-boundary matter, not a wrapping one)
  verbatim   a verbatim line, whole
  merged     whole units of more than one block: lines that must stay apart
             were joined (a heading glued to its text, poem or address
             lines, list items)
  fragment   starts or ends inside a unit: a wrapped line cut from its
             sentence, or a sentence cut at a page break
  dirty      whole units, but only when Markdown markup, list markers,
             quote marks ('> '), hyphenation ('docu- ment') and
             punctuation are ignored (reported, not counted as bad)
  unknown    none of the above
'bad' counts merged + fragment + unknown.

Budgets: '--ratio 1' (every sentence precis may pick) and '-n 5'.

Examples:
  fragments.py --precis /work/build0/precis
  fragments.py --precis ./precis --extra-args='--wrap=auto' \\
               --md-args='--input-format=markdown' -v
  fragments.py --precis ./precis --max-bad 0     # as a test

Exit status: 0 ok (or bad <= --max-bad), 1 more bad picks than --max-bad,
2 usage error or precis could not run.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUDGETS = {"ratio1": ["--ratio", "1"], "n5": ["-n", "5"]}
CLASSES = ["exact", "within", "sentences", "verbatim", "merged", "fragment",
           "dirty", "unknown"]
BAD = {"merged", "fragment", "unknown"}
END = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*$")


def norm(t):
    return re.sub(r"\s+", " ", t).strip()


def reader_view(t):
    """A pick as a reader would see it: Markdown links, emphasis and code
    marks, a leading list marker and quote marks removed."""
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", t)
    t = re.sub(r"\]\([^)]*\)", "", t)              # a link cut at its text
    t = re.sub(r"(\*\*|__|`)", "", t)
    t = re.sub(r"(?:^|(?<=\s))>+\s", " ", t)        # quote marks
    t = re.sub(r"^\s*(?:[-*+\u2022o]|\(?[0-9]{1,3}[.)]|\([a-z]\))\s+", "", t)
    return t


class Units:
    """A fixture's expected units laid end to end in one string."""

    def __init__(self, path):
        self.units = []                 # (text, block, verbatim)
        block = 0
        with open(path, encoding="utf-8") as f:
            for line in f.read().split("\n"):
                if not line.strip():
                    block += 1
                    continue
                verb = line.startswith("~ ")
                self.units.append((norm(line[2:] if verb else line), block,
                                   verb))
        parts, self.spans, pos = [], [], 0
        for text, _, _ in self.units:
            parts.append(text)
            self.spans.append((pos, pos + len(text)))
            pos += len(text) + 1
        self.s = " ".join(parts)
        # the loose string: lower-case letters and digits only, with a map
        # back to positions in self.s
        self.loose, self.lmap = [], []
        for i, ch in enumerate(self.s):
            if ch.isalnum():
                self.loose.append(ch.lower())
                self.lmap.append(i)
        self.loose = "".join(self.loose)

    def unit_at(self, pos):
        for i, (a, b) in enumerate(self.spans):
            if a <= pos <= b:
                return i
        return None

    def sentence_start(self, i, pos):
        a, b = self.spans[i]
        return pos == a or (self.s[pos - 1] == " " and
                            END.search(self.s[a:pos - 1]) is not None)

    def sentence_end(self, i, pos):
        a, b = self.spans[i]
        return pos == b or (pos < b and self.s[pos] == " " and
                            END.search(self.s[a:pos]) is not None)

    def classify_span(self, a, b):
        """Class of the text s[a:b]."""
        i, j = self.unit_at(a), self.unit_at(b)
        if i is None or j is None:
            return "unknown"
        if a == self.spans[i][1] and i + 1 < len(self.spans):
            i += 1                      # starts at the separator
        if not (self.sentence_start(i, a) and self.sentence_end(j, b)):
            return "fragment"
        if i == j:
            if self.units[i][2]:
                return "verbatim"
            return "exact" if (a, b) == self.spans[i] else "within"
        blocks = {self.units[k][1] for k in range(i, j + 1)}
        return "sentences" if len(blocks) == 1 else "merged"

    def classify(self, pick):
        t = norm(pick)
        if not t:
            return "unknown"
        rank = {c: k for k, c in enumerate(CLASSES)}
        best = None
        start = self.s.find(t)
        while start >= 0:
            c = self.classify_span(start, start + len(t))
            if best is None or rank[c] < rank[best]:
                best = c
            start = self.s.find(t, start + 1)
        if best is not None:
            return best
        lt = "".join(ch.lower() for ch in reader_view(t) if ch.isalnum())
        if not lt:
            return "unknown"
        start = self.loose.find(lt)
        while start >= 0:
            a = self.lmap[start]
            b = self.lmap[start + len(lt) - 1] + 1
            # widen to the unit's edges over trailing punctuation
            i, j = self.unit_at(a), self.unit_at(b)
            if i is not None and self.s[self.spans[i][0]:a].strip(
                    " \"'\u201c\u2018([*_`>-#") == "":
                a = self.spans[i][0]
            if j is not None and not any(ch.isalnum() for ch in
                                         self.s[b:self.spans[j][1]]):
                b = self.spans[j][1]
            c = self.classify_span(a, b)
            c = "fragment" if c == "fragment" else \
                "verbatim" if c == "verbatim" else "dirty"
            if best is None or rank[c] < rank[best]:
                best = c
            start = self.loose.find(lt, start + 1)
        return best or "unknown"


def run(precis, args, files):
    cmd = [precis, "summarize", "-f", "json", *args, *files]
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode == 2:
        raise SystemExit("fragments.py: usage error from precis: %s"
                         % p.stderr.decode(errors="replace").strip())
    out = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        rec = json.loads(line)
        out[rec["file"]] = [s["text"] for s in rec["sentences"]]
    return out, p.stderr.decode(errors="replace").splitlines()


def self_test(units):
    bad = 0
    for f, u in units.items():
        cases = []
        for k, (t, block, verb) in enumerate(u.units):
            cases.append((t, "verbatim" if verb else "exact"))
            ws = t.split()
            if len(ws) >= 4 and not verb:
                cases.append((" ".join(ws[1:]), "fragment"))
                cases.append((" ".join(ws[:-1]), "fragment"))
            if k + 1 < len(u.units) and not verb and not u.units[k + 1][2]:
                cases.append((t + " " + u.units[k + 1][0],
                              "sentences" if u.units[k + 1][1] == block
                              else "merged"))
        for t, want in cases:
            got = u.classify(t)
            if got != want and not (want == "fragment" and got in (
                    "within", "exact", "sentences")):
                bad += 1
                print("%s: %r: %s, want %s" % (os.path.basename(f), t[:80],
                                               got, want))
    print("self-test: %d wrong" % bad)
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="fragments.py", description=__doc__.split("\n\n")[0],
        epilog=__doc__[__doc__.index("\n\n") + 2:],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--precis", default="precis",
                    help="the precis binary (default: precis on PATH)")
    ap.add_argument("--fixtures", default=os.path.join(HERE, "..", "data", "input", "fixtures"),
                    metavar="DIR", help="fixture directory (default: "
                    "tests/data/input/fixtures)")
    ap.add_argument("--only", default=None, metavar="LIST",
                    help="comma-separated fixture names")
    ap.add_argument("--budgets", default="ratio1,n5", metavar="LIST",
                    help="ratio1 (--ratio 1), n5 (-n 5) or both (default)")
    ap.add_argument("--methods", default="tfidf", metavar="LIST",
                    help="comma-separated methods (default tfidf; the "
                    "method matters only with -n 5)")
    ap.add_argument("--extra-args", default="", metavar="ARGS",
                    help="more precis options for every fixture")
    ap.add_argument("--md-args", default="", metavar="ARGS",
                    help="more precis options for .md fixtures")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print every bad pick")
    ap.add_argument("--max-bad", type=int, default=None, metavar="N",
                    help="exit 1 when more than N picks are bad in all")
    ap.add_argument("--json", action="store_true",
                    help="print the results as JSON")
    ap.add_argument("--self-test", action="store_true",
                    help="check the classifier on the units themselves "
                    "(whole, glued across blocks, cut in the middle); no "
                    "precis run")
    args = ap.parse_args(argv)

    files = sorted(glob.glob(os.path.join(args.fixtures, "*.txt")) +
                   glob.glob(os.path.join(args.fixtures, "*.md")))
    if args.only:
        keep = set(args.only.split(","))
        files = [f for f in files
                 if os.path.splitext(os.path.basename(f))[0] in keep]
    files = [f for f in files if os.path.exists(
        os.path.splitext(f)[0] + ".units")]
    if not files:
        ap.error("no fixtures with .units files in %s" % args.fixtures)
    extra, mdargs = shlex.split(args.extra_args), shlex.split(args.md_args)
    units = {f: Units(os.path.splitext(f)[0] + ".units") for f in files}
    if args.self_test:
        return self_test(units)

    results, details, errors = {}, [], []
    for budget in args.budgets.split(","):
        if budget not in BUDGETS:
            ap.error("unknown budget '%s'" % budget)
        for m in args.methods.split(","):
            if budget == "ratio1" and m != args.methods.split(",")[0]:
                continue          # every sentence: the method does not matter
            key = "%s/%s" % (budget, m) if budget != "ratio1" else budget
            base = BUDGETS[budget] + ["-m", m] + extra
            picks = {}
            txt = [f for f in files if not f.endswith(".md")]
            md = [f for f in files if f.endswith(".md")]
            for group, gargs in ((txt, base), (md, base + mdargs)):
                if group:
                    p, err = run(args.precis, gargs, group)
                    picks.update(p)
                    errors += err
            for f in files:
                name = os.path.splitext(os.path.basename(f))[0]
                counts = dict.fromkeys(CLASSES, 0)
                for t in picks.get(f, []):
                    c = units[f].classify(t)
                    counts[c] += 1
                    if c in BAD:
                        details.append((key, name, c, norm(t)))
                counts["bad"] = sum(counts[c] for c in BAD)
                counts["picks"] = len(picks.get(f, []))
                results.setdefault(key, {})[name] = counts

    total_bad = sum(c["bad"] for r in results.values() for c in r.values())
    if args.json:
        json.dump({"precis": args.precis, "extra_args": extra,
                   "md_args": mdargs, "results": results,
                   "bad_picks": [dict(zip(("budget", "fixture", "class",
                                           "text"), d)) for d in details],
                   "total_bad": total_bad, "errors": errors}, sys.stdout,
                  indent=1)
        print()
    else:
        print("precis: %s%s%s" % (
            args.precis,
            "; extra-args: " + shlex.join(extra) if extra else "",
            "; md-args: " + shlex.join(mdargs) if mdargs else ""))
        cols = ["picks"] + CLASSES + ["bad"]
        for key, r in results.items():
            print("\n%s" % key)
            w = max(len(n) for n in r) + 1
            print("%-*s" % (w, "fixture") + "".join("%10s" % c
                                                    for c in cols))
            tot = dict.fromkeys(cols, 0)
            for name, c in r.items():
                print("%-*s" % (w, name) + "".join("%10d" % c[k]
                                                   for k in cols))
                for k in cols:
                    tot[k] += c[k]
            print("%-*s" % (w, "total") + "".join("%10d" % tot[k]
                                                  for k in cols))
        if args.verbose:
            print()
            for key, name, c, t in details:
                print("%s %s %s: %s" % (key, name, c, t[:200]))
        for e in errors[:5]:
            print("precis: " + e)
    if args.max_bad is not None and total_bad > args.max_bad:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
