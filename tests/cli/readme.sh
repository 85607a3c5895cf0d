#!/bin/sh
# The README's library example, compiled as it stands and run on a text it
# summarizes and on one where a call fails (invalid UTF-8, an unknown
# language): it must not free what it never got. The stack under it is
# filled with junk first, so an uninitialised pointer is junk, not a lucky
# NULL; under valgrind, any use of one is an error too.
. "$top_srcdir/tests/cli/setup"
cc=${CC:-cc}
so=$(ls .libs/libprecis.so 2>/dev/null | head -1)
[ -n "$so" ] || skip "no shared libprecis built (static-only build)"

# The first C block after "## Library".
sed -n '/^## Library/,$p' "$top_srcdir/README.md" |
	sed -n '/^```c$/,/^```$/p' | sed '1d' | sed '/^```$/,$d' >"$tmp/snippet.c"
[ -s "$tmp/snippet.c" ] || bad "no C example under '## Library'"
grep -q 'precis_summarize' "$tmp/snippet.c" && ok || bad "the example does not summarize"
{
	echo '#include <stdio.h>'
	echo '#include <string.h>'
	grep '^#include' "$tmp/snippet.c"
	echo 'static void example(const char *language, const char *text, size_t len)'
	echo '{'
	grep -v '^#include' "$tmp/snippet.c" | sed 's/precis_ctx_new(&ctx, "en"/precis_ctx_new(\&ctx, language/'
	echo '}'
	cat <<'C'
static void junk(void)
{
	volatile unsigned char j[16384];
	for (size_t i = 0; i < sizeof j; i++)
		j[i] = 0xa5;
}

int main(void)
{
	static const char good[] = "Rain fell all night on the hills. "
		"The river rose by two metres before dawn.";
	static const char bad[] = "caf\xff fell.";
	junk();
	example("en", good, strlen(good));
	junk();
	example("en", bad, strlen(bad));
	junk();
	example("xx", good, strlen(good));
	return 0;
}
C
} >"$tmp/ex.c"
grep -q 'precis_ctx_new(&ctx, language' "$tmp/ex.c" || bad "the example's language could not be varied"
# A sanitized library wants a sanitized program (and no valgrind).
san=
if ldd "$so" 2>/dev/null | grep -q 'libasan\|libtsan'; then
	san="-fsanitize=address,undefined"
	ldd "$so" | grep -q libtsan && san="-fsanitize=thread"
fi
# shellcheck disable=SC2086
if $cc -std=c11 -O0 -w $san -I"$top_srcdir/src" -o "$tmp/ex" "$tmp/ex.c" \
	-L.libs -lprecis -Wl,-rpath,"$PWD/.libs" 2>"$tmp/err"; then ok
else bad "the README example does not compile: $(head -5 "$tmp/err")"; fi

rc=0
"$tmp/ex" >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_rc "the README example runs" 0
expect_out "it summarizes" "Rain fell all night on the hills."
expect_err "a failed call is reported" "invalid UTF-8"
if [ -z "$san" ] && command -v valgrind >/dev/null 2>&1; then
	rc=0
	valgrind -q --error-exitcode=99 "$tmp/ex" >"$tmp/out" 2>"$tmp/err" || rc=$?
	expect_rc "the README example under valgrind" 0
fi
finish
