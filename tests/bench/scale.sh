#!/bin/sh
# How precis scales, side by side in one run: every method on one document
# of 1, 10 and 100 MB (the BBC articles of ../shared/eval/datasets repeated,
# paragraphs kept): seconds, peak RSS, bytes of memory per input byte and
# the growth exponent of the time (log(t_big / t_small) / log(10): 1 is
# linear); then -j 1 against -j 2 on files and on JSON Lines (CNN/DM
# articles), with two processes on halves of the files for comparison; and
# the one-core JSONL batch in articles/s against `wc -w` on the same bytes.
# For -j, the CPU time (user + system: what -j 2 spends beyond -j 1 is its
# overhead) and the times -j 2 waited (voluntary context switches: work
# held up by a lock or a full window) tell more than the seconds while
# other work shares the cores. Prints the load average before and after.
# Not part of `make check`.
#
# Usage: tests/bench/scale.sh [PRECIS] [DATASETS_DIR]
#   SIZES="1 10 100" (MB), METHODS="tfidf lsa ..." (default: all),
#   COPIES=10 (the JSONL batch is cnndm_test.jsonl this many times)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
data=${2:-$here/../../../shared/eval/datasets}
[ -f "$data/bbc_news_summary.jsonl" ] || { echo "no data sets in $data" >&2; exit 1; }
. "$here/common.sh"
bench_unwrap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=${SIZES:-1 10 100}
methods=${METHODS:-$("$precis" --list-methods | awk '{ print $1 }')}
copies=${COPIES:-10}

echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "precis: $("$precis" --version); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$data" "$tmp" "$copies" $sizes <<'PY'
import json, os, sys
data, tmp, copies, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
bbc = [json.loads(l)["article"] for l in open(os.path.join(data, "bbc_news_summary.jsonl"), encoding="utf-8")]
for mb in sizes:
    want, n = int(mb) * 1000000, 0
    with open(os.path.join(tmp, "doc%s.txt" % mb), "w", encoding="utf-8") as out:
        while n < want:
            for a in bbc:
                out.write(a + "\n\n")
                n += len(a.encode("utf-8")) + 2
                if n >= want:
                    break
cnn = [json.loads(l) for l in open(os.path.join(data, "cnndm_test.jsonl"), encoding="utf-8")]
os.mkdir(os.path.join(tmp, "files"))
with open(os.path.join(tmp, "batch.jsonl"), "w", encoding="utf-8") as out:
    for c in range(copies):
        for i, r in enumerate(cnn):
            out.write(json.dumps({"id": "%d-%s" % (c, r["id"]), "text": r["article"]}) + "\n")
            if c < 4:
                with open(os.path.join(tmp, "files", "a%d-%05d.txt" % (c, i)), "w", encoding="utf-8") as f:
                    f.write(r["article"])
PY

# run NAME CMD...: seconds, peak RSS (KB), user and system seconds and
# voluntary context switches (waits: a lock, a condition, I/O) of one run
# into $tmp/NAME.
run() {
	name=$1; shift
	if /usr/bin/time -f "%e %M %U %S %w" -o "$tmp/$name" "$@" >/dev/null 2>"$tmp/err"; then :; else
		echo "failed: $(tail -n 1 "$tmp/err")" >"$tmp/$name"
	fi
}

echo
printf '%-10s' method
for mb in $sizes; do printf ' %16s' "${mb} MB s / MB"; done
printf ' %8s %8s\n' "B/B" "exponent"
for m in $methods; do
	printf '%-10s' "$m"
	prev_t= prev_mb= last=
	for mb in $sizes; do
		run "$m-$mb" "$precis" -m "$m" "$tmp/doc$mb.txt"
		if grep -q failed "$tmp/$m-$mb"; then printf ' %16s' failed; last=; continue; fi
		t=$(cut -d' ' -f1 "$tmp/$m-$mb"); kb=$(cut -d' ' -f2 "$tmp/$m-$mb")
		printf ' %9.2f / %4.0f' "$t" "$(echo "$kb / 1024" | bc -l)"
		bytes=$(wc -c <"$tmp/doc$mb.txt")
		bb=$(echo "$kb * 1024 / $bytes" | bc -l)
		if [ -n "$prev_t" ]; then
			exp=$(awk -v a="$prev_t" -v b="$t" -v x="$prev_mb" -v y="$mb" \
				'BEGIN { if (a <= 0.01) a = 0.01; print log(b / a) / log(y / x) }')
		else
			exp=
		fi
		prev_t=$t prev_mb=$mb last=$bb
	done
	printf ' %8.2f %8s\n' "${last:-0}" "${exp:+$(printf '%.2f' "$exp")}"
done

echo
nfiles=$(ls "$tmp/files" | wc -l)
jbytes=$(wc -c <"$tmp/batch.jsonl")
nrec=$(wc -l <"$tmp/batch.jsonl")
run files-j1 "$precis" -j 1 "$tmp"/files/*
run files-j2 "$precis" -j 2 "$tmp"/files/*
ls "$tmp"/files/* >"$tmp/list"
half=$((nfiles / 2))
/usr/bin/time -f "%e %M" -o "$tmp/files-2p" sh -c '
	head -n '"$half"' "$1" | xargs "$2" >/dev/null & tail -n +'"$((half + 1))"' "$1" | xargs "$2" >/dev/null; wait' \
	sh "$tmp/list" "$precis" 2>/dev/null
run jsonl-j1 "$precis" -j 1 --input=jsonl "$tmp/batch.jsonl"
run jsonl-j2 "$precis" -j 2 --input=jsonl "$tmp/batch.jsonl"
run wc wc -w "$tmp/batch.jsonl"
t() { cut -d' ' -f1 "$tmp/$1"; }
# cpu NAME: user + system seconds; waits NAME: voluntary context switches.
cpu() { awk '{ print $3 + $4 }' "$tmp/$1"; }
waits() { cut -d' ' -f5 "$tmp/$1"; }
awk -v f1="$(t files-j1)" -v f2="$(t files-j2)" -v fp="$(t files-2p)" \
    -v j1="$(t jsonl-j1)" -v j2="$(t jsonl-j2)" -v w="$(t wc)" \
    -v cf1="$(cpu files-j1)" -v cf2="$(cpu files-j2)" -v wf2="$(waits files-j2)" \
    -v cj1="$(cpu jsonl-j1)" -v cj2="$(cpu jsonl-j2)" -v wj2="$(waits jsonl-j2)" \
    -v nf="$nfiles" -v nr="$nrec" -v jb="$jbytes" 'BEGIN {
	if (w <= 0) w = 0.005
	printf "files (%d CNN/DM articles): -j 1 %.2f s, -j 2 %.2f s: %.2fx; two processes on halves %.2f s: %.2fx\n", nf, f1, f2, f1 / f2, fp, f1 / fp
	printf "  CPU (user+sys) -j 1 %.2f s, -j 2 %.2f s (+%.0f%%); -j 2 waited %d times\n", cf1, cf2, (cf2 / cf1 - 1) * 100, wf2
	printf "JSONL (%d records, %.1f MB): -j 1 %.2f s, -j 2 %.2f s: %.2fx\n", nr, jb / 1e6, j1, j2, j1 / j2
	printf "  CPU (user+sys) -j 1 %.2f s, -j 2 %.2f s (+%.0f%%); -j 2 waited %d times\n", cj1, cj2, (cj2 / cj1 - 1) * 100, wj2
	printf "batch on one core: %.0f articles/s, %.1f ns/byte; wc -w %.2f s, %.1f ns/byte: %.1fx wc -w\n", nr / j1, j1 / jb * 1e9, w, w / jb * 1e9, j1 / w }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
