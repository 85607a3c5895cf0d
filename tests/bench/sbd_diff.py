#!/usr/bin/env python3
"""sbd_diff.py CASES.jsonl -- COMMAND...: the boundaries a splitter misses and
adds on a UD set (the batch protocol of shared/eval/sbd/sbd_f1.py), one per
line with some text around it, so that errors can be sorted by kind.

  MISS  ... left text || right text ...   a gold boundary the splitter lacks
  ADD   ... left text || right text ...   a boundary the gold split lacks

Boundaries are compared as counts of non-space characters, as sbd_f1.py
compares sentences. --width N sets the context shown (default 40)."""
import json
import subprocess
import sys


def cuts(sents):
    out, pos = set(), 0
    for s in sents[:-1]:
        pos += sum(1 for c in s if not c.isspace())
        out.add(pos)
    return out


def position(text, n):
    """Index in text after the n-th non-space character."""
    seen = 0
    for i, c in enumerate(text):
        if not c.isspace():
            seen += 1
            if seen == n:
                return i + 1
    return len(text)


def main():
    argv = sys.argv[1:]
    width = 40
    if argv[:1] == ["--width"]:
        width, argv = int(argv[1]), argv[2:]
    i = argv.index("--")
    cases = [json.loads(line) for line in open(argv[0])]
    inp = "".join(json.dumps({"id": c["id"], "text": c["text"]},
                             ensure_ascii=False) + "\n" for c in cases)
    p = subprocess.run(argv[i + 1:], input=inp.encode(), capture_output=True)
    outs = [json.loads(line) for line in p.stdout.decode().splitlines()
            if line.strip()]
    if len(outs) != len(cases):
        sys.exit("outputs %d != cases %d" % (len(outs), len(cases)))
    for c, o in zip(cases, outs):
        g, s = cuts(c["sentences"]), cuts(o)
        t = c["text"]
        for kind, n in sorted([("MISS", n) for n in g - s] +
                              [("ADD", n) for n in s - g],
                              key=lambda x: x[1]):
            k = position(t, n)
            left = t[max(0, k - width):k].replace("\n", "\\n")
            right = t[k:k + width].replace("\n", "\\n")
            print("%-4s %s || %s   [%s]" % (kind, left, right.strip(), c["id"]))


main()
