#!/usr/bin/env python3
"""Every ranking method on every article of the shared data sets.

Writes each article of ../shared/eval/datasets/*.jsonl (records with an
"article") to a file, then for each method runs one precis process over all
files of a data set (`precis -m METHOD -n 3 -f json a1.txt a2.txt ...`) and
checks that it exits 0, prints one JSON object per file, returns the
requested count (or every eligible sentence when there are fewer: the count
`lead` returns with the redundancy filter off), and prints the same bytes on
a second run. Reports articles/second per method and data set (best of
--runs timed runs of the default settings). Not part of `make check`.

Usage: tests/bench/methods.py [--precis BIN] [--datasets DIR] [--runs N]
                              [--methods a,b] [--only NAME.jsonl]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
METHODS = ["tfidf", "lead", "random", "luhn", "edmundson", "lexrank",
           "textrank", "lsa", "sumbasic", "klsum", "centroid"]


def write_articles(path, outdir):
    files = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if "article" not in rec:
                return []
            name = os.path.join(outdir, "a%05d.txt" % len(files))
            with open(name, "w", encoding="utf-8") as g:
                g.write(rec["article"])
            files.append(name)
    return files


def run(precis, method, files, extra=()):
    cmd = [precis, "-m", method, "-n", "3", "-f", "json", *extra, *files]
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    return p, time.perf_counter() - t


def counts(out):
    return [len(json.loads(l)["sentences"]) for l in out.decode().splitlines()]


def check(precis, method, files, want):
    """Problems of one method on one data set (empty when all is well)."""
    bad = []
    p, _ = run(precis, method, files, ["--set", "redundancy=1"])
    if p.returncode != 0:
        return ["exit %d: %s" % (p.returncode, p.stderr.decode()[:300])]
    got = counts(p.stdout)
    if len(got) != len(files):
        return ["%d JSON lines for %d files" % (len(got), len(files))]
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            bad.append("%s: %d sentences, want %d" % (files[i], g, w))
    q, _ = run(precis, method, files)
    r, _ = run(precis, method, files)
    if q.returncode != 0 or q.stdout != r.stdout:
        bad.append("not deterministic (or failed: exit %d)" % q.returncode)
    return bad


def speed(precis, method, files, runs):
    best = None
    for _ in range(runs):
        p, t = run(precis, method, files)
        if p.returncode != 0:
            return None
        best = t if best is None or t < best else best
    return len(files) / best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--precis", default=os.path.join(HERE, "../../precis"))
    ap.add_argument("--datasets",
                    default=os.path.join(HERE, "../../../shared/eval/datasets"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--only", default=None)
    a = ap.parse_args()
    methods = a.methods.split(",")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(glob.glob(os.path.join(a.datasets, "*.jsonl"))):
            if a.only and os.path.basename(path) != a.only:
                continue
            d = os.path.join(tmp, os.path.basename(path))
            os.mkdir(d)
            files = write_articles(path, d)
            if not files:
                continue
            ref, _ = run(a.precis, "lead", files, ["--set", "redundancy=1"])
            if ref.returncode != 0:
                print("%s: lead failed: %s" % (path, ref.stderr.decode()[:300]))
                failures += 1
                continue
            want = counts(ref.stdout)
            print("%s: %d articles" % (os.path.basename(path), len(files)))
            for m in methods:
                bad = check(a.precis, m, files, want)
                rate = speed(a.precis, m, files, a.runs)
                print("  %-10s %s  %8.0f articles/s" %
                      (m, "ok  " if not bad else "FAIL", rate or 0))
                for b in bad[:5]:
                    print("    " + b)
                failures += bool(bad)
    print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
