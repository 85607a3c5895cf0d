#!/bin/sh
# API hygiene: precis.h compiles alone as C99 and C++ without warnings,
# and libprecis exports precis_* symbols only.
. "$top_srcdir/tests/cli/setup"
cc=${CC:-cc}
printf '#include "precis.h"\nint main(void) { return precis_version() == 0; }\n' >"$tmp/h.c"
if $cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$top_srcdir/src" -c "$tmp/h.c" -o "$tmp/h.o" 2>"$tmp/err"; then
	ok
else
	bad "precis.h is not clean C99: $(cat "$tmp/err")"
fi
if command -v c++ >/dev/null 2>&1; then
	cp "$tmp/h.c" "$tmp/h.cc"
	if c++ -Wall -Wextra -Werror -I"$top_srcdir/src" -c "$tmp/h.cc" -o "$tmp/hh.o" 2>"$tmp/err"; then ok
	else bad "precis.h does not compile as C++: $(cat "$tmp/err")"; fi
fi
so=$(ls .libs/libprecis.so 2>/dev/null | head -1)
[ -n "$so" ] || skip "no shared libprecis built (static-only build)"
nm -D --defined-only "$so" | awk '{ print $3 }' >"$tmp/syms"
if grep -v '^precis_' "$tmp/syms" >"$tmp/stray"; then
	bad "libprecis exports non-precis_ symbols: $(tr '\n' ' ' <"$tmp/stray")"
else
	ok
fi
grep -q '^precis_summarize$' "$tmp/syms" && ok || bad "precis_summarize is not exported"
if grep -q '^precis__' "$tmp/syms"; then bad "internal precis__ symbols exported"; else ok; fi
finish
