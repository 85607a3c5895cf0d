#!/bin/sh
# Accuracy of precis_detect_language() per language: the UD dev sets of
# shared/eval/sbd (whole records, and their first 500 single sentences)
# and the data set articles of shared/eval/datasets (English, and the
# Vietnamese set). Compiles tests/bench/detect.c against a build tree's
# library. Not part of `make check`.
#
# Usage: tests/bench/detect.sh [BUILDDIR] [SHARED_EVAL]
set -eu
build=${1:-.}
here=$(cd "$(dirname "$0")" && pwd)
eval_dir=${2:-${SHARED_EVAL:-$here/../../../shared/eval}}
[ -d "$eval_dir/sbd" ] || { echo "detect.sh: no $eval_dir/sbd" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -I"$here/../../src" "$here/detect.c" -o "$tmp/detect" \
	-L"$build/.libs" -lprecis -Wl,-rpath,"$(cd "$build" && pwd)/.libs"
SHARED_EVAL=$eval_dir python3 "$here/detect.py" "$tmp/detect"
