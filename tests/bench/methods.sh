#!/bin/sh
# Every ranking method on every article of ../shared/eval/datasets: checks
# exit status, counts and determinism, and reports articles/second per
# method (see methods.py). Not part of `make check`.
#
# Usage: tests/bench/methods.sh [PRECIS] [methods.py options...]
here=$(cd "$(dirname "$0")" && pwd)
precis=${1:-$here/../../precis}
[ $# -gt 0 ] && shift
exec python3 "$here/methods.py" --precis "$precis" "$@"
