# Sourced by the benchmarks. bench_unwrap: when $precis is a libtool
# wrapper script, points it at the real binary in .libs/ (exporting the
# LD_LIBRARY_PATH that finds the uninstalled library), so the wrapper's
# shell start-up is not timed.
bench_unwrap() {
	bench_bin=$(dirname "$precis")/.libs/precis
	if [ -x "$bench_bin" ] && head -c 2 "$precis" | grep -q '#!'; then
		LD_LIBRARY_PATH=$(dirname "$precis")/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
		export LD_LIBRARY_PATH
		precis=$bench_bin
	fi
}
