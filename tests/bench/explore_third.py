#!/usr/bin/env python3
"""Third-sentence exploration: tests/bench/explore.py extended (2026-11-28).

The README's second "What did not help" list; a null result, kept so it can
be rerun. It writes its per-article numbers and the dev medians of the swap
margins to a temporary directory (the BBC run reads the dev medians from
EXPLORE_MEDIANS when set).

TUNE FILE ONLY: cnndm_dev.jsonl. Never point it at a report set.
New ideas, each with 2-3 a-priori parameter values:
  1. pseudo-reference lead (ROUGE-2-like overlap of a third-slot candidate with the
     first K eligible sentences, itself excluded)
  2. bigram salience (within-article document frequency of content bigrams)
  3. ensemble/agreement swap of Lead's third by tfidf's pick
  4. third-slot novelty (new content words vs Lead-2), ranks 3..6
  5. concept coverage (Gillick & Favre style): new recurring bigrams vs Lead-2
Usage: tests/bench/explore_third.py [PRECIS] [DATASETS_DIR]
"""
import collections
import json
import math
import os
import random
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore  # noqa: E402
from explore import DATA, METRICS, PRECIS, STOP, TMP, precis, words, overlap  # noqa: E402


def load(name):
    assert name in ("cnndm_dev.jsonl", "bbc_news_summary.jsonl"), "tuning files only"
    return [json.loads(l) for l in open(os.path.join(DATA, name), encoding="utf-8")]


def stem(w):
    # light stemmer (no nltk here): plural / possessive / -ed / -ing
    for suf, mn in (("ies", 5), ("sses", 6), ("ing", 6), ("ed", 5), ("es", 5), ("s", 4)):
        if w.endswith(suf) and len(w) >= mn and not w.endswith("ss"):
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


def cbigrams(t):
    """content bigrams: consecutive stemmed tokens, not both stopwords."""
    ws = words(t)
    return [(stem(a), stem(b)) for a, b in zip(ws, ws[1:]) if not (a in STOP and b in STOP)]


def cwords(t):
    return set(stem(w) for w in words(t) if w not in STOP)


DS = os.environ.get("DS", "cnndm_dev.jsonl")
MEDFILE = os.environ.get("EXPLORE_MEDIANS") or os.path.join(TMP, "medians_dev.json")
MEDIANS = {}
FIXED = json.load(open(MEDFILE)) if DS != "cnndm_dev.jsonl" and os.path.exists(MEDFILE) else {}


def build():
    return explore.build(load(DS))


def features(docs):
    for rows in docs:
        for r in rows:
            r["bg"] = cbigrams(r["text"])
            r["cw"] = cwords(r["text"])
        el = [r for r in rows if r["words"] >= 5]
        df = collections.Counter(b for r in rows for b in set(r["bg"]))
        tf = collections.Counter(w for r in rows for w in words(r["text"]) if w not in STOP)
        tfs = collections.Counter()
        for r in rows:
            for w in words(r["text"]):
                if w not in STOP:
                    tfs[stem(w)] += 1
        for r in rows:
            u = set(r["bg"])
            s = sum(df[b] - 1 for b in u)
            r["sal_mean"] = s / (len(u) or 1)          # idea 2, mean
            r["sal_sqrt"] = s / math.sqrt(len(u) or 1)  # idea 2, sqrt-normalised
        mx = max([r["sal_mean"] for r in rows] + [1e-9])
        for r in rows:
            r["sal_norm"] = r["sal_mean"] / mx
        # idea 1: pseudo-reference = first K eligible sentences minus the candidate
        for K in (4, 5):
            for r in rows:
                ref = collections.Counter()
                for x in el[:K]:
                    if x is not r:
                        ref.update(x["bg"])
                c = collections.Counter(r["bg"])
                m = sum(min(v, ref[b]) for b, v in c.items())
                p = m / (sum(c.values()) or 1)
                q = m / (sum(ref.values()) or 1)
                r["pseudo%d" % K] = 2 * p * q / (p + q) if m else 0.0
        # idea 1 variant: K=5, bigrams already in Lead-2 removed from the pseudo-reference
        lead2 = set(b for x in el[:2] for b in x["bg"])
        for r in rows:
            ref = collections.Counter()
            for x in el[2:5]:
                if x is not r:
                    ref.update(b for b in x["bg"] if b not in lead2)
            c = collections.Counter(b for b in r["bg"] if b not in lead2)
            m = sum(min(v, ref[b]) for b, v in c.items())
            p = m / (len(r["bg"]) or 1)
            q = m / (sum(ref.values()) or 1)
            r["pseudo5new"] = 2 * p * q / (p + q) if m else 0.0
        # idea 4: novelty vs Lead-2 (content words)
        l2w = set(w for x in el[:2] for w in x["cw"])
        for r in rows:
            new = r["cw"] - l2w
            r["nov_raw"] = len(new)
            r["nov_sal"] = sum(1 for w in new if tfs[w] >= 2)
        # idea 5: concept coverage: recurring bigrams (df>=2) not in Lead-2
        for r in rows:
            new = set(b for b in r["bg"] if df[b] >= 2 and b not in lead2)
            r["cc_cnt"] = len(new)
            r["cc_w"] = sum(df[b] for b in new)


def select(docs, key):
    return explore.select_rows(docs, key)


def texts(sel):
    return [[p["text"] for p in s] for s in sel]


ROUGE_CACHE = {}


def rouge(recs, summaries):
    key = json.dumps(summaries)
    if key in ROUGE_CACHE:
        return ROUGE_CACHE[key]
    f = os.path.join(TMP, "pairs.jsonl")
    with open(f, "w", encoding="utf-8") as o:
        for r, s in zip(recs, summaries):
            o.write(json.dumps({"id": r["id"], "candidate": "\n".join(s), "references": r["references"]}) + "\n")
    per = json.loads(precis("rouge", "--pairs", f, "-m", "-n", "2", "-r", "1", "-d", "--format=json"))["per_doc"]
    ROUGE_CACHE[key] = [[p[m]["F"] for m in METRICS] for p in per]
    return ROUGE_CACHE[key]


def mean(s, part, k, minus=None):
    v = [s[i][k] - (minus[i][k] if minus else 0) for i in part]
    return 100 * sum(v) / len(v)


def row(name, recs, summaries, lead, default, extra=""):
    s = rouge(recs, summaries)
    n = len(s)
    all_, odd, even = range(n), range(1, n, 2), range(0, n, 2)
    dl = [[mean(s, p, k, lead) for k in range(3)] for p in (all_, odd, even)]
    dd = [mean(s, all_, k, default) for k in range(3)]
    ok = (all(x > 0 for part in dl for x in part) and dl[0][1] >= 0.30 and dd[1] >= 0.10
          and dd[0] >= 0 and dd[2] >= 0)
    line = "%-34s %s | %s | %s | %s || %s | %s %s" % (
        name, " ".join("%.2f" % mean(s, all_, k) for k in range(3)),
        " ".join("%+.2f" % x for x in dl[0]), " ".join("%+.2f" % x for x in dl[1]),
        " ".join("%+.2f" % x for x in dl[2]), " ".join("%+.2f" % x for x in dd),
        "PASS" if ok else "fail", extra)
    print(line, flush=True)
    return s


def third(docs, score, lo=2, hi=None):
    """Lead-2 plus the third sentence maximising score over eligible ranks lo..hi-1
    (0-based among eligible), skipping sentences redundant with Lead-2.
    Returns the selections and, per article, (swapped?, margin)."""
    sel, info = [], []
    for rows in docs:
        lead = select([rows], lambda r: -r["rank"])[0]
        if len(lead) < 3:
            sel.append(lead)
            info.append((False, 0.0))
            continue
        l2, l3 = lead[:2], lead[2]
        el = [r for r in rows if r["words"] >= 5]
        cands = [r for r in el[lo:hi] if r not in l2 and
                 max(overlap(r["text"], p["text"]) for p in l2) <= 0.5]
        if l3 not in cands:
            cands.append(l3)
        # ties go to the earlier sentence (Lead's third first)
        best = max(sorted(cands, key=lambda r: r["rank"]), key=score)
        sel.append(sorted(l2 + [best], key=lambda p: p["rank"]))
        info.append((best is not l3, score(best) - score(l3)))
    return sel, info


def margin_report(recs, sel, info, lead_sel, lead, name=""):
    """swaps vs Lead-3; R-2 of swapped docs; result keeping only swaps above median margin."""
    sw = [i for i, (s, _) in enumerate(info) if s]
    if not sw:
        return "swaps 0"
    s = rouge(recs, texts(sel))
    d2 = [s[i][1] - lead[i][1] for i in sw]
    win, loss = sum(x > 0 for x in d2), sum(x < 0 for x in d2)
    med = statistics.median(info[i][1] for i in sw)
    MEDIANS[name] = med
    extra = ""
    if name in FIXED:
        fx = FIXED[name]
        keep = [sel[i] if (info[i][0] and info[i][1] > fx) else lead_sel[i] for i in range(len(sel))]
        k = rouge(recs, texts(keep))
        n = len(k)
        extra = "\n      dev-median threshold %.4f (%d swaps): %s | odd %s | even %s" % (
            fx, sum(1 for i in sw if info[i][1] > fx),
            *[" ".join("%+.2f" % mean(k, part, j, lead) for j in range(3))
              for part in (range(n), range(1, n, 2), range(0, n, 2))])
    keep = [sel[i] if (info[i][0] and info[i][1] > med) else lead_sel[i] for i in range(len(sel))]
    k = rouge(recs, texts(keep))
    n = len(k)
    return "swaps %d (R-2 win/loss %d/%d); top-half-margin swaps only (%d): %s | odd %s | even %s" % (
        len(sw), win, loss, sum(1 for i in sw if info[i][1] > med),
        *[" ".join("%+.2f" % mean(k, part, j, lead) for j in range(3))
          for part in (range(n), range(1, n, 2), range(0, n, 2))]) + extra


def boot(s, base, k=1, n=2000, seed=1):
    rnd = random.Random(seed)
    d = [a[k] - b[k] for a, b in zip(s, base)]
    m = []
    for _ in range(n):
        m.append(100 * statistics.fmean(rnd.choice(d) for _ in d))
    m.sort()
    return m[int(0.025 * n)], m[int(0.975 * n)]


def main():
    recs, docs = build()
    features(docs)
    lead_sel = select(docs, lambda r: -r["rank"])
    lead = rouge(recs, texts(lead_sel))
    dflt_sel = select(docs, lambda r: r["full"])
    dflt = rouge(recs, texts(dflt_sel))
    print(DS + " (%d articles), 3 sentences; F1 x 100 | minus Lead-3 all | odd | even || minus default all" % len(recs))
    R = {}
    R["lead-3"] = row("lead-3", recs, texts(lead_sel), lead, dflt)
    R["default"] = row("tfidf (the default)", recs, texts(dflt_sel), lead, dflt)
    keep2 = sum(1 for a, b in zip(lead_sel, dflt_sel) if a[:2] == b[:2])
    same = sum(1 for a, b in zip(lead_sel, dflt_sel) if a == b)
    print("  default keeps Lead-2 in %d/%d articles; equals Lead-3 in %d" % (keep2, len(recs), same))

    def T(name, score, lo=2, hi=None):
        sel, info = third(docs, score, lo, hi)
        R[name] = row(name, recs, texts(sel), lead, dflt)
        print("    " + margin_report(recs, sel, info, lead_sel, lead, name), flush=True)
        return sel

    def agree(sigs, needs):
        """Lead's third swapped for tfidf's only when `need` signals prefer it."""
        for need in needs:
            sel, info = [], []
            for d, rows in enumerate(docs):
                l = lead_sel[d]
                if len(l) < 3:
                    sel.append(l); info.append((False, 0.0)); continue
                s1, i1 = third([rows], lambda r: r["full"])
                c, l3 = [r for r in s1[0] if r not in l[:2]][0], l[2]
                votes = sum(c[k] > l3[k] for k in sigs) if c is not l3 else 0
                if votes >= need:
                    sel.append(s1[0]); info.append((True, c["full"] - l3["full"]))
                else:
                    sel.append(l); info.append((False, 0.0))
            name = "agree >=%d of %d signals" % (need, len(sigs))
            R[name] = row(name, recs, texts(sel), lead, dflt)
            print("    " + margin_report(recs, sel, info, lead_sel, lead, name), flush=True)

    T("lead-2 + tfidf third", lambda r: r["full"])
    print("-- idea 1: pseudo-reference lead (third slot, all eligible beyond the first two)")
    T("pseudo K=4", lambda r: r["pseudo4"])
    T("pseudo K=5", lambda r: r["pseudo5"])
    T("pseudo K=5 minus Lead-2 bigrams", lambda r: r["pseudo5new"])
    print("-- idea 2: bigram salience")
    T("bigram sal mean, third 3..6", lambda r: r["sal_mean"], 2, 6)
    T("bigram sal sqrt, third 3..6", lambda r: r["sal_sqrt"], 2, 6)
    for w in (0.1, 0.3):
        name = "tfidf + %.1f*bigram sal (norm)" % w
        sel = select(docs, lambda r, w=w: r["full"] + w * r["sal_norm"])
        R[name] = row(name, recs, texts(sel), lead, dflt)
    print("-- idea 3: ensemble/agreement swap of Lead's third by tfidf's third-slot pick")
    agree(("full", "cos", "title", "pseudo5", "sal_mean"), (5, 4, 3))
    print("-- idea 4: third-slot novelty vs Lead-2, ranks 3..6")
    T("novelty raw new content words", lambda r: r["nov_raw"], 2, 6)
    T("novelty new recurring words", lambda r: r["nov_sal"], 2, 6)
    print("-- idea 5: concept coverage (recurring bigrams not in Lead-2), ranks 3..6")
    T("concepts count", lambda r: r["cc_cnt"], 2, 6)
    T("concepts df-weighted", lambda r: r["cc_w"], 2, 6)
    print("== round 2 (post hoc): new signals as a bonus on the default score, third slot only")
    for f in ("pseudo5", "nov_sal", "cc_w"):
        mx = {}
        for rows in docs:
            m = max([r[f] for r in rows] + [1e-9])
            for r in rows:
                r[f + "_n"] = r[f] / m
        for w in (0.1, 0.3):
            T("lead-2 + third: full + %.1f*%s" % (w, f), lambda r, f=f, w=w: r["full"] + w * r[f + "_n"])
    print("== round 2: ensemble without title (constant 0 on dev)")
    agree(("full", "cos", "pseudo5", "sal_mean", "nov_sal", "cc_w"), (6, 4))
    json.dump({k: v for k, v in R.items()}, open(os.path.join(TMP, "perdoc.json"), "w"))
    if DS == "cnndm_dev.jsonl":
        json.dump(MEDIANS, open(MEDFILE, "w"), indent=1)
    if DS != "cnndm_dev.jsonl":
        return
    print("\npaired bootstrap 95% CI of the R-2 difference (x100), 2000 resamples:")
    for k in R:
        if k in ("lead-3",):
            continue
        a, b = boot(R[k], lead)
        c, e = boot(R[k], dflt)
        print("  %-34s vs Lead-3 [%+.2f, %+.2f]   vs default [%+.2f, %+.2f]" % (k, a, b, c, e))


if __name__ == "__main__":
    main()
