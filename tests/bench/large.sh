#!/bin/sh
# One large document: the BBC articles of ../shared/eval/datasets, repeated
# into one file of SIZE megabytes (paragraphs kept), summarized once by
# every method. Reports seconds, MB/s and peak memory per method; it is
# where a method's cost that grows faster than its input shows. Not part
# of `make check`.
#
# Usage: tests/bench/large.sh [PRECIS] [SIZE_MB] [DATASETS_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
size=${2:-20}
data=${3:-$here/../../../shared/eval/datasets}
[ -f "$data/bbc_news_summary.jsonl" ] || { echo "no data set in $data" >&2; exit 1; }
. "$here/common.sh"
bench_unwrap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data/bbc_news_summary.jsonl" "$tmp/big.txt" "$size" <<'PY'
import json, sys
articles = [json.loads(l)["article"] for l in open(sys.argv[1], encoding="utf-8")]
want, n = int(sys.argv[3]) * 1000000, 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    while n < want:
        for a in articles:
            out.write(a + "\n\n")
            n += len(a.encode("utf-8")) + 2
            if n >= want:
                break
PY
bytes=$(wc -c <"$tmp/big.txt")
echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "input: one document of $bytes bytes; $("$precis" --version); $(date -u +%Y-%m-%d)"
printf '%-10s %9s %9s %12s\n' method seconds MB/s "peak RSS MB"
for m in $("$precis" --list-methods | awk '{ print $1 }'); do
	if /usr/bin/time -f "%e %M" -o "$tmp/time" "$precis" -m "$m" "$tmp/big.txt" \
		>/dev/null 2>"$tmp/err"; then
		t=$(cut -d' ' -f1 "$tmp/time"); rss=$(cut -d' ' -f2 "$tmp/time")
		awk -v m="$m" -v t="$t" -v b="$bytes" -v r="$rss" 'BEGIN {
			printf "%-10s %9.2f %9.1f %12.0f\n", m, t, (t > 0 ? b / t / 1e6 : 0), r / 1024 }'
	else
		printf '%-10s %s\n' "$m" "failed: $(tail -n 1 "$tmp/err")"
	fi
done
