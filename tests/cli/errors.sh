#!/bin/sh
# Bad options, missing files, empty and sentence-less input, invalid UTF-8:
# each with its message and exit code.
. "$top_srcdir/tests/cli/setup"

echo "The council approved the new budget for schools on Friday." >"$tmp/ok.txt"

p --no-such-option "$tmp/ok.txt"
expect_rc "unknown long option" 2
expect_err "unknown long option" "unknown option '--no-such-option'"
expect_err "usage hint" "Try 'precis summarize --help'"
p -z "$tmp/ok.txt"
expect_rc "unknown short option" 2
expect_err "unknown short option" "unknown option '-z'"
p -n
expect_rc "missing value" 2
expect_err "missing value" "needs a value"
for v in 0 -1 abc 3x ""; do
	p -n "$v" "$tmp/ok.txt"
	expect_rc "-n '$v'" 2
	expect_err "-n '$v'" "invalid sentence count"
done
p --ratio=1.5 "$tmp/ok.txt"
expect_rc "--ratio 1.5" 2
p --ratio=0 "$tmp/ok.txt"
expect_rc "--ratio 0" 2
p --words=x "$tmp/ok.txt"
expect_rc "--words x" 2
p --bytes=-3 "$tmp/ok.txt"
expect_rc "--bytes -3" 2
p -m nosuch "$tmp/ok.txt"
expect_rc "unknown method" 2
expect_err "unknown method" "unknown method 'nosuch'"
p -f xml "$tmp/ok.txt"
expect_rc "unknown format" 2
expect_err "unknown format" "unknown format 'xml'"
p -l klingon "$tmp/ok.txt"
expect_rc "unknown language" 2
expect_err "unknown language" "unsupported language 'klingon'"
p --set nosuch=1 "$tmp/ok.txt"
expect_rc "unknown param" 2
p --set redundancy=7 "$tmp/ok.txt"
expect_rc "param out of range" 2
expect_err "param out of range" "redundancy must be in"

p "$tmp/missing.txt"
expect_rc "missing file" 1
expect_err "missing file" "precis: $tmp/missing.txt: No such file or directory"
p "$tmp"
expect_rc "directory" 1
expect_err "directory" "is a directory"
p "$tmp/missing.txt" "$tmp/ok.txt"
expect_rc "missing among several" 1
expect_out "others still summarized" "The council approved"

: >"$tmp/empty.txt"
p "$tmp/empty.txt"
expect_rc "empty file" 3
expect_err "empty file" "precis: $tmp/empty.txt: no sentences found"
p </dev/null
expect_rc "empty stdin" 3
expect_err "empty stdin" "precis: <stdin>: no sentences found"

printf '+\n\n***\n\n[...]\n  \n' >"$tmp/nosent.txt"
p "$tmp/nosent.txt"
expect_rc "no sentence" 3
expect_err "no sentence" "no sentences found"

printf 'Good start here.\nThen \377 a bad byte.\n' >"$tmp/bad.txt"
p "$tmp/bad.txt"
expect_rc "invalid UTF-8" 3
expect_err "invalid UTF-8" "precis: $tmp/bad.txt: byte 22: invalid UTF-8"
printf 'Overlong \300\257 slash.\n' >"$tmp/overlong.txt"
p "$tmp/overlong.txt"
expect_rc "overlong" 3
expect_err "overlong" "byte 9"

printf 'Nul \000 bytes in the middle of a sentence are tolerated here.\n' >"$tmp/nul.txt"
p "$tmp/nul.txt"
if [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; then ok; else bad "NUL input exit $rc"; fi
head -c 200000 /dev/urandom >"$tmp/random.bin"
p --lenient "$tmp/random.bin"
if [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; then ok; else bad "binary input exit $rc"; fi
python3 -c "print('word ' * 20000 + 'end.')" >"$tmp/longline.txt"
p "$tmp/longline.txt"
expect_rc "100,000-character line" 0

p -o "$tmp/out.txt" "$tmp/bad.txt"
expect_rc "-o on failure" 3
if [ -e "$tmp/out.txt" ] || ls "$tmp"/out.txt.tmp.* >/dev/null 2>&1; then
	bad "-o left a file after a failure"
else ok; fi
p -o "$tmp/no/such/dir/out.txt" "$tmp/ok.txt"
expect_rc "-o into a missing directory" 1
expect_err "-o into a missing directory" "$tmp/no/such/dir/out.txt"

if [ -w /dev/full ]; then
	rc=0; ${PRECIS_EXEC:-} "$PRECIS" --help >/dev/full 2>"$tmp/err" || rc=$?
	expect_rc "--help to a full disk" 1
	expect_err "--help to a full disk" "write error"
fi

# A word that names no command and no file is a mistyped command; a file
# of any name is still summarized.
p spilt
expect_rc "unknown command" 2
expect_err "unknown command" "unknown command 'spilt'"
expect_err "commands listed" "(commands: summarize, split, extract"
cp "$tmp/ok.txt" "$tmp/notes"
here=$(pwd)
cd "$tmp" && p notes
cd "$here" || exit 1
expect_rc "a file named like a command word" 0
expect_out "a file named like a command word" "council approved"

# Every command answers --version and -V, and lists both in its --help
# (which the option table prints).
for cmd in summarize split extract rouge eval "idf build" idf train; do
	# shellcheck disable=SC2086
	p $cmd --version
	expect_rc "$cmd --version" 0
	expect_out "$cmd --version" "precis "
	# shellcheck disable=SC2086
	p $cmd -V
	expect_out "$cmd -V" "precis "
	# shellcheck disable=SC2086
	p $cmd --help
	expect_out "$cmd --help lists --version" "-V, --version"
	expect_out "$cmd --help lists --help" "-h, --help"
done
finish
