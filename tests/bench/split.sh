#!/bin/sh
# Throughput of `precis split` on English news: at least 10 MB of articles
# (every "article" of shared/eval/datasets/*.jsonl but the Vietnamese set,
# joined by blank lines) and one 1 MB paragraph (the same text with its
# white space collapsed). `wc -w` on the same file, in the same run, is the
# yardstick for the machine. Best of three runs; not part of `make check`.
# Then the peak resident memory of one run on 100 MB of the same news: the
# input is split as it is read, so it should not grow with the file.
#
# Usage: tests/bench/split.sh [PRECIS] [SHARED_EVAL]
#   PRECIS defaults to ./precis (a libtool wrapper is looked through, so its
#   shell start-up is not timed); SHARED_EVAL to ../shared/eval.
set -eu
precis=${1:-${PRECIS:-./precis}}
eval_dir=${2:-${SHARED_EVAL:-$(dirname "$0")/../../../shared/eval}}
[ -x "$precis" ] || { echo "split.sh: no precis binary at $precis" >&2; exit 2; }
[ -d "$eval_dir/datasets" ] || { echo "split.sh: no $eval_dir/datasets" >&2; exit 77; }
. "$(dirname "$0")/common.sh"
bench_unwrap

BENCH_TMP=$(mktemp -d)
export BENCH_TMP
trap 'rm -rf "$BENCH_TMP"' EXIT
python3 - "$precis" "$eval_dir/datasets" <<'PY'
import glob, json, os, subprocess, sys, tempfile, time

precis, src = sys.argv[1:3]
arts = []
for f in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
    if "vi_news" in f:
        continue
    with open(f, encoding="utf-8") as fp:
        for line in fp:
            a = json.loads(line).get("article") if line.strip() else None
            if isinstance(a, str):
                arts.append(a)
text = "\n\n".join(arts) + "\n"
while len(text.encode()) < 10_000_000:
    text += text
flat = " ".join(text.split()).encode()[: 1 << 20].decode("utf-8", "ignore") + "\n"

def best(cmd, path):
    t = []
    for _ in range(3):
        with open(path, "rb") as i:
            t0 = time.perf_counter()
            subprocess.run(cmd + [path], stdin=i, stdout=subprocess.DEVNULL, check=True)
            t.append(time.perf_counter() - t0)
    return min(t)

with tempfile.TemporaryDirectory() as d:
    for name, body in (("news articles", text), ("one 1 MB paragraph", flat)):
        path = os.path.join(d, "in.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        mb = os.path.getsize(path) / 1e6
        out = subprocess.run([precis, "split", path], stdout=subprocess.PIPE, check=True)
        units = out.stdout.count(b"\n")
        ts, tw = best([precis, "split"], path), best(["wc", "-w"], path)
        print("%-20s %6.2f MB %7d units   precis split %6.1f MB/s   wc -w %6.1f MB/s"
              % (name, mb, units, mb / ts, mb / tw))
    with open(os.path.join(os.environ["BENCH_TMP"], "big.txt"), "w", encoding="utf-8") as f:
        for _ in range(-(-100_000_000 // len(text.encode()))):
            f.write(text)
PY

# A small process measures, so that the peak it inherits at fork (a floor
# under every number, shown as `true`'s) stays small.
python3 - "$precis" "$BENCH_TMP/big.txt" <<'PY'
import os, subprocess, sys, time
precis, path = sys.argv[1:3]

def run(cmd):
    with open(path, "rb") as i:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=i, stdout=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        assert status == 0, cmd
        return time.perf_counter() - t0, ru.ru_maxrss / 1024

mb = os.path.getsize(path) / 1e6
t, rss = run([precis, "split", path])
_, floor = run(["true"])
print("%-20s %6.2f MB   precis split %6.1f MB/s, peak RSS %.1f MB (true: %.1f MB)"
      % ("news, one file", mb, mb / t, rss, floor))
PY
