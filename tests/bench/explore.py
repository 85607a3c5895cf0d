#!/usr/bin/env python3
"""Feature exploration for the default method on the TUNE file cnndm_dev.jsonl.

Reproduces the README's "What did not help" paragraph. It reads, for every
article, each eligible sentence's tfidf score and its parts from `precis -f
json` (files written to a temporary directory), adds candidate features
computed here, reselects 3 sentences per article the way precis does (score
order, min-words 5, a word-overlap stand-in for the 0.5 cosine cutoff), and
scores the summaries with `precis rouge` (ROUGE-1.5.5 with stemming). Each
row shows R-1/R-2/R-L F1 and the difference to Lead-3 on the whole file and
on its odd and even halves. Never point it at a report set.

Usage: tests/bench/explore.py [PRECIS] [DATASETS_DIR]
"""
import collections
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PRECIS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "precis")
DATA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "..", "shared", "eval", "datasets")
STOP = set(open(os.path.join(HERE, "..", "..", "data", "stopwords", "english.txt"), encoding="utf-8").read().split())
METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-L")
TMP = tempfile.mkdtemp()


def load(name):
    return [json.loads(l) for l in open(os.path.join(DATA, name), encoding="utf-8")]


def precis(*args):
    return subprocess.run([PRECIS, *args], capture_output=True, check=True, text=True).stdout


def per_sentence(files, *sets):
    """score per (doc, index) with every eligible sentence kept."""
    args = ["-f", "json", "-n", "100000", "--set", "redundancy=1", "--set", "min-words=0"]
    for s in sets:
        args += ["--set", s]
    out = precis(*args, *files).splitlines()
    return [{s["index"]: s for s in json.loads(l)["sentences"]} for l in out]


def words(t):
    return re.findall(r"[a-z0-9]+", t.lower())


def bag(t):
    return set(w for w in words(t) if w not in STOP)


def overlap(a, b):
    a, b = bag(a), bag(b)
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def build(recs=None):
    """Each article's eligible sentences with their scores (explore_third.py
    passes its own records)."""
    recs = recs or load("cnndm_dev.jsonl")
    files = []
    for i, r in enumerate(recs):
        f = os.path.join(TMP, "%04d.txt" % i)
        open(f, "w", encoding="utf-8").write(r["article"])
        files.append(f)
    zero = ["position-weight=0", "paragraph-weight=0", "title-weight=0", "length-weight=0"]
    full = per_sentence(files)
    cos = per_sentence(files, *zero)
    tit = per_sentence(files, *zero[:2], "title-weight=1", zero[3])
    docs = []
    for d in range(len(recs)):
        rows = []
        for rank, (i, s) in enumerate(sorted(full[d].items())):
            t = s["text"]
            c = cos[d].get(i, s)["score"]  # one BBC article (762) lists a different duplicate
            rows.append(dict(rank=rank, text=t, words=len(t.split()), full=s["score"],
                             cos=c, title=tit[d].get(i, s)["score"] - c))
        docs.append(rows)
    return recs, docs


CAPTION = re.compile(r"^\s*[A-Z][A-Za-z'\u2019]*(?: [A-Za-z'\u2019]+){0,2} ?: ")
SPEECH = re.compile(r"^\S+(?: \S+)? (said|added|says|continued|explained|told|insisted|tweeted|wrote)\b", re.I)
OPENERS = set("he she it they this these those that his her its their we i you but however and so yet also meanwhile".split())


def features(docs, bbc_prop):
    for rows in docs:
        n = len(rows)
        bags = [bag(r["text"]) for r in rows]
        grams = [list(zip(words(r["text"]), words(r["text"])[1:])) for r in rows]
        seen = collections.Counter(g for gs in grams for g in set(gs))
        for i, r in enumerate(rows):
            t, w0 = r["text"], (words(r["text"]) or [""])[0]
            sims = [overlap(t, rows[j]["text"]) for j in range(n) if j != i]
            fw = sum(overlap(t, rows[j]["text"]) for j in range(i + 1, n))
            g = [x for x in grams[i] if not (x[0] in STOP and x[1] in STOP)]
            r.update(pron=int(w0 in OPENERS), digit=int(bool(re.search(r"\d", t))),
                     quote=int(bool(re.search(r"[\"\u201c\u201d]|``|''", t))),
                     question=int(t.rstrip().endswith("?")),
                     caption=int(bool(CAPTION.match(t)) and not SPEECH.match(t)),
                     hook=int(i == 0 and r["words"] < 12),
                     density=len([x for x in words(t) if x not in STOP]) / (len(words(t)) or 1),
                     fw=fw / (n - 1 or 1), bw=(sum(sims) - fw) / (n - 1 or 1), degree=sum(sims) / (n - 1 or 1),
                     bigrams=sum(1 for x in g if seen[x] >= 2) / (len(g) or 1),
                     propensity=statistics.mean([bbc_prop.get(x, 0.0) for x in bags[i]] or [0.0]))


def propensity(recs):
    """log-odds that an article word recurs in the references, smoothed."""
    in_a, in_r = collections.Counter(), collections.Counter()
    for r in recs:
        a, ref = bag(r["article"]), set(w for x in r["references"] for w in words(x))
        for w in a:
            in_a[w] += 1
            in_r[w] += w in ref
    base = sum(in_r.values()) / sum(in_a.values())
    return {w: math.log((in_r[w] + 5 * base) / (in_a[w] + 5)) - math.log(base) for w in in_a}


def select(docs, key, novelty=0.0):
    return [[p["text"] for p in rows] for rows in select_rows(docs, key, novelty)]


def select_rows(docs, key, novelty=0.0):
    """Each article's 3 picks (rows, in document order), as precis picks."""
    out = []
    for rows in docs:
        pick, cand = [], [r for r in rows if r["words"] >= 5]
        while len(pick) < 3 and cand:
            best, bs = None, None
            for r in cand:
                sims = [overlap(r["text"], p["text"]) for p in pick]
                if sims and max(sims) > 0.5:
                    continue
                s = key(r) - novelty * max(sims, default=0.0)
                if bs is None or s > bs:
                    best, bs = r, s
            if best is None:
                break
            pick.append(best)
            cand.remove(best)
        out.append(sorted(pick, key=lambda p: p["rank"]))
    return out


def rouge(recs, summaries):
    f = os.path.join(TMP, "pairs.jsonl")
    with open(f, "w", encoding="utf-8") as o:
        for r, s in zip(recs, summaries):
            o.write(json.dumps({"id": r["id"], "candidate": "\n".join(s), "references": r["references"]}) + "\n")
    per = json.loads(precis("rouge", "--pairs", f, "-m", "-n", "2", "-r", "1", "-d", "--format=json"))["per_doc"]
    return [[p[m]["F"] for m in METRICS] for p in per]


def row(name, recs, summaries, lead):
    s = rouge(recs, summaries)
    def mean(part, k, minus=None):
        v = [s[i][k] - (minus[i][k] if minus else 0) for i in part]
        return 100 * sum(v) / len(v)
    all_, odd, even = range(len(s)), range(1, len(s), 2), range(0, len(s), 2)
    print("%-28s %s | %s | %s | %s" % (name, " ".join("%.2f" % mean(all_, k) for k in range(3)),
          " ".join("%+.2f" % mean(all_, k, lead) for k in range(3)),
          " ".join("%+.2f" % mean(odd, k, lead) for k in range(3)),
          " ".join("%+.2f" % mean(even, k, lead) for k in range(3))))


def main():
    recs, docs = build()
    features(docs, propensity(load("bbc_news_summary.jsonl")))
    lead = rouge(recs, select(docs, lambda r: -r["rank"]))
    print("cnndm_dev (%d articles), 3 sentences; F1 x 100, then minus Lead-3 on all | odd | even articles" % len(recs))
    row("lead-3", recs, select(docs, lambda r: -r["rank"]), lead)
    row("tfidf (the default)", recs, select(docs, lambda r: r["full"]), lead)
    for f, ws in [("pron", (-0.05, -0.1, -0.2)), ("quote", (-0.1, -0.2)), ("question", (-0.3,)),
                  ("caption", (-0.1, -0.3)), ("hook", (-1.5,)), ("digit", (0.1, 0.2)),
                  ("density", (0.1, 0.3)), ("fw", (0.25, 1.0)), ("bw", (-0.25, -1.0)),
                  ("degree", (0.1, 0.5)), ("bigrams", (0.1, 0.25)), ("propensity", (0.1, 0.4))]:
        for w in ws:
            row("%s %+.2f" % (f, w), recs, select(docs, lambda r, f=f, w=w: r["full"] + w * r[f]), lead)
    for mu in (0.2, 0.8):
        row("novelty (MMR) %.1f" % mu, recs, select(docs, lambda r: r["full"], novelty=mu), lead)
    flat = lambda r: r["full"] - 1.5 * math.exp(-r["rank"]) + (1.5 if r["rank"] == 0 else 1.2 * math.exp(-1.5 * (r["rank"] - 1)))
    row("flat-topped position prior", recs, select(docs, flat), lead)
    third(recs, docs)


def third(recs, docs):
    """Lead-2 plus one third sentence: the oracle, and swaps by margin."""
    f = os.path.join(TMP, "third.jsonl")
    keys = []
    with open(f, "w", encoding="utf-8") as o:
        for d, rows in enumerate(docs):
            el = [r for r in rows if r["words"] >= 5]
            for r in el[2:] if len(el) > 3 else []:
                o.write(json.dumps({"id": "%d:%d" % (d, r["rank"]), "references": recs[d]["references"],
                                    "candidate": "\n".join(x["text"] for x in (el[0], el[1], r))}) + "\n")
                keys.append((d, r))
    per = json.loads(precis("rouge", "--pairs", f, "-m", "-n", "2", "-r", "1", "-d", "--format=json"))["per_doc"]
    by = collections.defaultdict(list)
    for (d, r), p in zip(keys, per):
        by[d].append((r, p["ROUGE-2"]["F"]))
    print("\nLead-2 plus a third sentence (%d articles), R-2 F1 x 100:" % len(by))
    print("  Lead-3 %.2f; best possible third %.2f" % (
        100 * statistics.mean(c[0][1] for c in by.values()),
        100 * statistics.mean(max(g for _, g in c) for c in by.values())))
    for tau in (0, 0.05, 0.1, 0.2):
        got, swaps = [], 0
        for c in by.values():
            best = max(c, key=lambda x: x[0]["full"])
            take = best if best[0]["full"] > c[0][0]["full"] + tau else c[0]
            swaps += take is not c[0]
            got.append(take[1])
        print("  swap when the best outscores Lead's third by > %.2f: %3d swaps, %.2f" % (tau, swaps, 100 * statistics.mean(got)))


if __name__ == "__main__":
    main()
