#!/bin/sh
# The man page documents every option --help lists, and its EXAMPLES run.
. "$top_srcdir/tests/cli/setup"
man="$top_srcdir/doc/precis.1"

for cmd in summarize split extract rouge eval idf train keywords; do
	p "$cmd" --help
	expect_rc "$cmd --help" 0
	if grep -qF ".SS $cmd" "$man" || [ "$cmd" = summarize ]; then ok; else bad "man page lacks $cmd"; fi
	for opt in $(grep -o -- '--[a-z][a-z0-9-]*' "$tmp/out" | sort -u); do
		if grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$man"; then ok; else bad "man page lacks $cmd $opt"; fi
	done
done

# The synopsis names every command that 'precis --help' lists.
p --help
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$man" >"$tmp/synopsis"
for cmd in $(sed -n '/^Commands:/,/^$/p' "$tmp/out" | awk 'NF > 1 { print $1 }'); do
	[ "$cmd" = summarize ] && pat='\fBsummarize\fR' || pat=".B precis $cmd"
	if grep -qF -- "$pat" "$tmp/synopsis"; then ok; else bad "synopsis lacks $cmd"; fi
done

# Example lines are marked '.\" example:' followed by the command line.
cd "$top_srcdir" || exit 1
grep '^\.\\" example: ' "$man" | sed 's/^\.\\" example: //' >"$tmp/examples"
[ -s "$tmp/examples" ] || bad "no examples found"
while IFS= read -r line; do
	# shellcheck disable=SC2086
	set -- $line
	shift # "precis"
	p "$@"
	if [ "$rc" -eq 0 ] && [ -s "$tmp/out" ]; then ok; else bad "example failed: $line"; fi
done <"$tmp/examples"
finish
