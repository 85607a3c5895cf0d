#!/bin/sh
# The layout shows the pipeline: each stage is a folder of src/, and the
# order of the stages is the order in which Makefile.am includes their
# fragments (src/<stage>/<stage>.am). A file may include its own folder's
# headers and those of earlier stages, never a later one's, so data flows
# one way and no two folders include each other in a circle. Includes are
# path-qualified ("doc/doc.h"); only the public "precis.h" stands alone.
# The command line (src/cli) uses the public API only.
. "$top_srcdir/tests/cli/setup"
src="$top_srcdir/src"

# The stages in pipeline order, one a line.
sed -n 's|^include \$(srcdir)/src/\([a-z_]*\)/[a-z_]*\.am$|\1|p' \
	"$top_srcdir/Makefile.am" >"$tmp/order"
[ -s "$tmp/order" ] || { bad "no stage fragments found in Makefile.am"; finish; exit 1; }

# Every folder of src/ is a stage, and only precis.h lives in src/ itself.
for d in "$src"/*/; do
	d=$(basename "$d")
	grep -qx "$d" "$tmp/order" && ok || bad "src/$d is not a stage in Makefile.am's order"
done
for f in "$src"/*.[ch]; do
	[ "$(basename "$f")" = precis.h ] && ok || bad "src/$(basename "$f") is outside a stage folder"
done

# Every project include as "FILE: FOLDER/HEADER" lines.
for f in "$src"/*/*.[ch]; do
	sed -n "s|^#[ 	]*include[ 	]*\"\\([^\"]*\\)\".*|${f#"$src"/}: \\1|p" "$f"
done >"$tmp/includes"

# check ORDER INCLUDES: the violations, one a line. Each include must name
# an existing header, be path-qualified and not run up the pipeline;
# src/cli sees precis.h and its own headers only.
check() {
awk -v src="$src" '
	NR == FNR { rank[$1] = NR; next }
	{
		file = $1; sub(/:$/, "", file); inc = $2
		from = file; sub(/\/.*/, "", from)
		if (inc == "precis.h") next
		if (inc !~ /\//) { print file ": unqualified include \"" inc "\""; next }
		to = inc; sub(/\/.*/, "", to)
		if (!(to in rank)) { print file ": \"" inc "\" is in no stage"; next }
		if ((getline dummy < (src "/" inc)) < 0) { print file ": \"" inc "\" does not exist"; next }
		close(src "/" inc)
		if (from == "cli" && to != "cli") { print file ": the command line includes the internal \"" inc "\""; next }
		if (rank[to] > rank[from]) print file ": \"" inc "\" runs back up the pipeline (" from " comes before " to ")"
		if (to != from) edge[from " " to] = 1
	}
	END {
		# A circle between folders, whatever the order says.
		for (e in edge) { split(e, p, " "); adj[p[1]] = adj[p[1]] " " p[2] }
		for (s in rank) {
			delete seen; n = 0; stack[++n] = s
			while (n > 0) {
				u = stack[n--]; k = split(adj[u], next_, " ")
				for (i = 1; i <= k; i++) {
					v = next_[i]
					if (v == s) print "folders include each other in a circle through " s
					if (!(v in seen)) { seen[v] = 1; stack[++n] = v }
				}
			}
		}
	}' "$1" "$2"
}

# The checker must catch what it is for: an include up the pipeline, an
# unqualified one, the CLI reaching into the library, and a circle.
printf '%s\n' 'segment/segment.c: doc/doc.h' 'doc/doc.c: segment/segment.h' \
	'base/util.c: internal.h' 'cli/main.c: base/internal.h' >"$tmp/bad-includes"
check "$tmp/order" "$tmp/bad-includes" >"$tmp/caught"
for want in "runs back up" "unqualified" "command line includes" "circle"; do
	grep -q "$want" "$tmp/caught" && ok || bad "the checker misses: $want"
done

check "$tmp/order" "$tmp/includes" >"$tmp/violations"
if [ -s "$tmp/violations" ]; then
	while IFS= read -r v; do bad "$v"; done <"$tmp/violations"
else
	ok
fi
finish
