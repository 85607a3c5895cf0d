#!/bin/sh
# replay.sh - runs every fuzz target's plain replay program over its seed
# corpus, tests/fuzz/corpus/<target>/ (reproducers of past findings
# included), through $PRECIS_EXEC (valgrind with --enable-valgrind).
# A broken invariant aborts the replay program; any non-zero exit fails.
set -u
: "${top_srcdir:?top_srcdir must be set}"
: "${FUZZ_BUILDDIR:?FUZZ_BUILDDIR must name the directory of the replay programs}"
LC_ALL=C
export LC_ALL
passed=0
failed=0
for t in summarize split rouge idf input html model cli_jsonl cli_pairs cli_idf \
	cli_jsonscan; do
	corpus="$top_srcdir/tests/fuzz/corpus/$t"
	want=$(find "$corpus" -type f | wc -l | tr -d ' ')
	rc=0
	out=$(${PRECIS_EXEC:-} "$FUZZ_BUILDDIR/replay_$t" "$corpus" 2>&1) || rc=$?
	if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -qx "replayed $want inputs"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: replay_$t on $corpus: exit $rc, $want inputs"
		printf '%s\n' "$out" | tail -n 40
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
