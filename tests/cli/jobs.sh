#!/bin/sh
# summarize -j N: the same bytes on stdout and stderr, and the same exit
# status, as one thread; records stream out while the input is still open.
. "$top_srcdir/tests/cli/setup"
not_under_valgrind "threads are the ThreadSanitizer stage's, and batch.sh runs the batch there"

# Records of very different sizes, so threads finish out of order, with
# bad ones among them: invalid JSON, no text, no sentence, ids of every kind.
python3 - "$sample" >"$tmp/in.jsonl" <<'PY'
import json, sys
art = open(sys.argv[1], encoding="utf-8").read()
for i in range(48):
    text = art * (40 if i % 9 == 0 else 1) if i % 2 == 0 else \
        "Record %d opens the day. The council met %d times to weigh the budget. " \
        "Schools will hire %d teachers. Roads by the river need repair." % (i, i, i)
    rec = {"id": "r%d" % i, "text": text}
    if i == 5: rec["id"] = i
    if i == 6: del rec["id"]
    if i == 7: rec["id"] = 2.5
    if i == 11: print("{not json")
    if i == 20: rec = {"id": "no-text"}
    if i == 30: rec["text"] = "+\n***\n"
    print(json.dumps(rec, ensure_ascii=False))
PY

# same NAME ARGS...: -j 1 and -j 3 agree on stdout, stderr and status;
# standard input is $stdin.
stdin=/dev/null
same() {
	name=$1
	shift
	p -j 1 "$@" <"$stdin"
	rc1=$rc
	mv "$tmp/out" "$tmp/out1"
	mv "$tmp/err" "$tmp/err1"
	p -j 3 "$@" <"$stdin"
	if [ "$rc" -eq "$rc1" ]; then ok; else bad "$name: exit $rc with -j 3, $rc1 with -j 1"; fi
	if cmp -s "$tmp/out1" "$tmp/out"; then ok; else bad "$name: stdout differs"; fi
	if cmp -s "$tmp/err1" "$tmp/err"; then ok; else bad "$name: stderr differs"; fi
}

same "jsonl" --input=jsonl -n 2 "$tmp/in.jsonl"
expect_rc "jsonl: bad records give status 3" 3
expect_lines "jsonl: a record out per record in" 49
expect_err "jsonl: bad JSON" "in.jsonl: line 12: invalid JSON"
expect_err "jsonl: no text" "in.jsonl: line 22: no \"text\" or \"article\" string"
expect_err "jsonl: no sentence" "in.jsonl: line 32:"
python3 - "$tmp/out" <<'PY' && ok || bad "jsonl: records in input order, errors in place"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ids = [r["id"] for r in recs]
want = ["r%d" % i for i in range(48)]
want[5], want[6], want[7], want[20] = "5", "line-7", "line-8", "no-text"
want.insert(11, "line-12")
assert ids == want, ids
errs = [(r["id"], r["line"]) for r in recs if "error" in r]
assert errs == [("line-12", 12), ("no-text", 22), ("r30", 32)], errs
PY
same "jsonl --strict" --input=jsonl --strict "$tmp/in.jsonl"
expect_rc "jsonl --strict" 3
expect_lines "jsonl --strict stops at line 12 (its error record out)" 12
same "jsonl -f json" --input=jsonl -f json -n 2 "$tmp/in.jsonl"
same "jsonl --drop-errors" --input=jsonl --drop-errors "$tmp/in.jsonl"
expect_lines "jsonl --drop-errors: the good records" 46
stdin="$tmp/in.jsonl"
same "jsonl from stdin" --input=jsonl -
expect_lines "jsonl from stdin: every record" 49
stdin=/dev/null
same "jsonl, several files, one missing" --input=jsonl "$tmp/in.jsonl" "$tmp/missing.jsonl" "$tmp/in.jsonl"
expect_rc "missing file among jsonl" 3
expect_err "missing file named" "missing.jsonl: No such file or directory"
same "jsonl --strict, several files" --input=jsonl --strict "$tmp/missing.jsonl" "$tmp/in.jsonl"
expect_rc "jsonl --strict, missing file first" 1
expect_lines "jsonl --strict, missing file first: nothing more" 0

printf 'Only a headline\n' >"$tmp/headline.txt"
printf '\377\377 bad bytes.\n' >"$tmp/binary.txt"
same "files" -n 2 "$sample" "$tmp/missing.txt" "$tmp/binary.txt" "$sample" "$tmp/headline.txt" "$sample"
expect_rc "files: the first error's status" 1
expect_err "files: missing" "missing.txt: No such file or directory"
expect_err "files: invalid UTF-8" "binary.txt: byte 0:"
expect_out "files: headers" "==> $sample <=="
same "files as json" -f json "$sample" "$tmp/missing.txt" "$sample"
same "files, --lenient warnings" --lenient "$tmp/binary.txt" "$sample" "$tmp/binary.txt"
expect_err "files: lenient warning" "warning: replaced"
p -j 3 -o "$tmp/o3.jsonl" --input=jsonl "$tmp/in.jsonl"
p -j 1 -o "$tmp/o1.jsonl" --input=jsonl "$tmp/in.jsonl"
if cmp -s "$tmp/o1.jsonl" "$tmp/o3.jsonl"; then ok; else bad "-o: files differ"; fi

# A write error found on a worker thread is reported with its cause, as
# with one thread (errno is per thread).
if [ -c /dev/full ]; then
	same "write error" --input=jsonl -o /dev/full "$tmp/in.jsonl"
	expect_rc "write error" 1
	expect_err "write error: the cause" "/dev/full: write error: No space left on device"
fi

# Threads that cannot start (no address space for their stacks) are a
# runtime error that reads nothing: -o must leave the file as it was, even
# for a lenient batch. Checked only where one thread runs in that space.
limited() {
	rc=0
	(ulimit -v 400000 2>/dev/null && exec ${PRECIS_EXEC:-} "$PRECIS" "$@") \
		>"$tmp/out" 2>"$tmp/err" || rc=$?
}
limited -n 1 "$sample"
if [ "$rc" -eq 0 ]; then
	echo old >"$tmp/keep.jsonl"
	limited -j 256 --input=jsonl -o "$tmp/keep.jsonl" "$tmp/in.jsonl"
	expect_rc "threads that cannot start" 1
	if [ "$(cat "$tmp/keep.jsonl")" = old ]; then ok; else bad "threads that cannot start: -o file replaced"; fi
fi

# Streaming: with the input still open, the records read so far come out
# (not after the end of the input, and not all held back by the window).
mkfifo "$tmp/fifo" || skip "no mkfifo"
(${PRECIS_EXEC:-} "$PRECIS" -j 2 -n 1 --input=jsonl <"$tmp/fifo" >"$tmp/stream" 2>"$tmp/stream.err"
 echo $? >"$tmp/stream.rc") &
exec 9>"$tmp/fifo"
head -n 40 "$tmp/in.jsonl" >&9
i=0
while [ "$i" -lt 600 ] && [ "$(wc -l <"$tmp/stream" | tr -d ' ')" -lt 40 ]; do
	sleep 0.1
	i=$((i + 1))
done
n=$(wc -l <"$tmp/stream" | tr -d ' ')
exec 9>&-
wait
if [ "$n" -ge 40 ]; then ok; else bad "streaming: $n records out before the end of input, want 40"; fi
if [ "$(cat "$tmp/stream.rc")" -eq 3 ]; then ok; else bad "streaming: exit $(cat "$tmp/stream.rc")"; fi

# Inputs are worked on at once, not one after another: with -j 2 the
# second of two named pipes is read while the first still waits for its
# writer, which comes only after the second's (one input at a time would
# wait on the first for ever). The output is -j 1's, written in order.
mkfifo "$tmp/fa" "$tmp/fb"
feed() { # feed PIPE TEXT: writes TEXT into PIPE once it is opened (20 s at most)
	timeout 20 sh -c 'printf "%s\n" "$2" >"$1"' sh "$1" "$2"
}
pipes() { # pipes JOBS: runs -j JOBS on the two pipes in the background
	(timeout 60 ${PRECIS_EXEC:-} "$PRECIS" -j "$1" -n 1 "$tmp/fa" "$tmp/fb" >"$tmp/pair$1" 2>&1
	 echo $? >"$tmp/pair$1.rc") &
}
a="First comes last. The road was closed." b="Second comes first. The council met twice."
pipes 1
feed "$tmp/fa" "$a" && feed "$tmp/fb" "$b"
wait
pipes 2
if feed "$tmp/fb" "$b"; then ok; else bad "two pipes: the second was not read while the first waited"; fi
feed "$tmp/fa" "$a"
wait
if [ "$(cat "$tmp/pair2.rc")" -eq 0 ] && [ "$(cat "$tmp/pair1.rc")" -eq 0 ]; then ok; else
	bad "two pipes: exit $(cat "$tmp/pair2.rc") with -j 2, $(cat "$tmp/pair1.rc") with -j 1"
fi
if [ -s "$tmp/pair1" ] && cmp -s "$tmp/pair1" "$tmp/pair2"; then ok; else bad "two pipes: output differs from -j 1's"; fi

# -j values: 0 is one thread per CPU; anything else outside 1..256 is a
# usage error, for summarize and eval alike.
p -j 0 -n 1 "$sample"
expect_rc "-j 0" 0
p --jobs=2 -n 1 "$sample"
expect_rc "--jobs=2" 0
for v in abc -1 257 1.5 ''; do
	p -j "$v" "$sample"
	expect_rc "-j '$v'" 2
	expect_err "-j '$v' message" "invalid thread count"
	p eval --jobs="$v" "$top_srcdir/tests/data/eval/tiny.jsonl"
	expect_rc "eval --jobs='$v'" 2
done
p eval -j 0 -n 1 "$top_srcdir/tests/data/eval/tiny.jsonl"
expect_rc "eval -j 0 (tiny.jsonl has bad records)" 3
finish
