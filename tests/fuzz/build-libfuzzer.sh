#!/bin/sh
# build-libfuzzer.sh BUILDDIR [TARGET...] - links the fuzz targets with
# clang's libFuzzer, ASan and UBSan into BUILDDIR/fuzz/<target>.
#
# BUILDDIR is a build tree configured with clang, the sanitizers and
# coverage instrumentation for the fuzzer, with the core library built:
#
#   mkdir /tmp/bfz && cd /tmp/bfz &&
#   CC=clang CFLAGS='-g -O1 -fsanitize=fuzzer-no-link' \
#       /path/to/precis/configure --enable-sanitizers --disable-shared &&
#   make libprecis_core.la
#   /path/to/precis/tests/fuzz/build-libfuzzer.sh /tmp/bfz
#
# Then, for instance (a fresh corpus directory first, the seeds after it):
#   mkdir -p /tmp/cs && /tmp/bfz/fuzz/fuzz_summarize -max_total_time=240 \
#       -max_len=65536 -timeout=10 /tmp/cs tests/fuzz/corpus/summarize
# The command line's targets (fuzz_cli_*) print the commands' messages:
# add -close_fd_mask=3 to see only the fuzzer's and the sanitizers'.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BUILDDIR [TARGET...]" >&2; exit 2; }
build=$(cd "$1" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
[ -f "$build/.libs/libprecis_core.a" ] ||
	{ echo "$0: no $build/.libs/libprecis_core.a; run make libprecis_core.la" >&2; exit 1; }
# The libraries the core links with, as configure found them.
libs=$(sed -n 's/^\(UTF8PROC_LIBS\|JANSSON_LIBS\|STEMMER_LIBS\|MD4C_LIBS\|GUMBO_LIBS\|CURL_LIBS\|ZLIB_LIBS\|LIBS\) = //p' "$build/Makefile" | tr '\n' ' ')
[ $# -gt 0 ] || set -- fuzz_summarize fuzz_split fuzz_rouge fuzz_idf fuzz_input fuzz_html fuzz_model \
	fuzz_cli_jsonl fuzz_cli_pairs fuzz_cli_idf fuzz_cli_jsonscan
mkdir -p "$build/fuzz"
for t in "$@"; do
	# The command line's targets run its commands: its sources but main.c.
	cli=
	case $t in
	fuzz_cli_*) cli=$(ls "$top"/src/cli/*.c | grep -v '/main\.c$') ;;
	esac
	echo "  CCLD  fuzz/$t"
	# shellcheck disable=SC2086
	${CC:-clang} -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -I"$top/src" -I"$build/src" \
		-o "$build/fuzz/$t" "$here/$t.c" $cli \
		"$build/.libs/libprecis_core.a" $libs -lm -lpthread
done
