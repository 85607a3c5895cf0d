#!/bin/sh
# corpus-list.sh - rewrites the fuzz_corpus list at the end of fuzz.am from
# the files under tests/fuzz/corpus/ (automake needs them named one by one
# to distribute them). Run it after adding a seed or a reproducer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
am="$here/fuzz.am"
tmp="$am.tmp"
sed '/^fuzz_corpus = /,$d' "$am" >"$tmp"
{
	printf 'fuzz_corpus = \\\n'
	(cd "$here/../.." && find tests/fuzz/corpus -type f | LC_ALL=C sort) |
		sed 's/^/\t/; $!s/$/ \\/'
} >>"$tmp"
mv "$tmp" "$am"
