#!/bin/sh
# The bash completion (completions/precis): options from each command's
# --help, and values from the binary's --list-* options.
. "$top_srcdir/tests/cli/setup"
command -v bash >/dev/null 2>&1 || skip "no bash"

# complete WORDS...: the completions bash would offer with the cursor at
# the end of the last word, one per line in $tmp/out (words are split as
# bash splits them: "--set=x" is "--set" "=" "x"); the compopt calls, which
# only work inside real completion, are recorded in $tmp/compopt.
complete() {
	: >"$tmp/compopt"
	bash -c '
		compopt_log=$2
		compopt() { printf "%s\n" "$*" >>"$compopt_log"; }
		. "$1/completions/precis"
		shift 2
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_precis
		printf "%s\n" "${COMPREPLY[@]}"
	' complete "$top_srcdir" "$tmp/compopt" "$PRECIS" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# no_files NAME: bash is told not to fall back to file names.
no_files() {
	if grep -qxF -- "+o default +o bashdefault" "$tmp/compopt"; then ok; else bad "$1: file names offered"; fi
}
# expect_words NAME WORD...: each WORD is offered.
expect_words() {
	name=$1
	shift
	for w in "$@"; do
		if grep -qxF -- "$w" "$tmp/out"; then ok; else bad "$name: '$w' not offered"; fi
	done
}
# expect_only NAME WORD...: exactly these words, in any order.
expect_only() {
	name=$1
	shift
	for w in "$@"; do echo "$w"; done | sort >"$tmp/want"
	sort "$tmp/out" | grep -v '^$' | cmp -s - "$tmp/want" && ok ||
		bad "$name: offered $(tr '\n' ' ' <"$tmp/out"), want $*"
}

complete --me
expect_words long-option --method=
complete -m ""
expect_words methods tfidf textrank lexrank lead
complete --method = ""
expect_words method-eq tfidf klsum
complete --set = posi
expect_only params position-weight= position-decay=
complete -l r
expect_only languages ro ru
complete s
expect_only commands split summarize
complete -f ""
expect_only formats html json text
complete split -f ""
expect_only split-formats json text
complete rouge --format ""
expect_only rouge-formats json rouge155 table
complete split --jo
expect_only split-option --join-lines
complete idf ""
expect_only idf-commands build merge
complete idf build --l
expect_only idf-options --language= --lenient --list-languages
complete eval data.jsonl --compare ""
expect_words compare tfidf centroid
complete eval --tokenize ""
expect_only tokenize rouge155 unicode
complete train --loss ""
expect_only train-losses auto logistic pairwise
complete train --choice ""
expect_only train-choices better genre
complete train --features=rank1,lex
expect_only train-features rank1,lexrank rank1,lexrank-rank
complete train --doc-features ""
expect_words train-doc-features doc-sentences doc-spread
complete train --fol
expect_only train-option --folds=
complete m -m lear
expect_words learned-method learned
complete -n ""
expect_only budget-value
no_files budget-value
complete --ratio = ""
no_files ratio-value
complete article.txt s
expect_only after-a-file

# Only the first argument names a command: after an option, "split" is a
# file to summarize, and the options are summarize's.
complete --lenient s
expect_only command-after-option
complete --lenient split --jo
expect_only summarize-options-after-file --jobs=
# rouge's short options are ROUGE-1.5.5's, not summarize's: -m stems (a
# flag), -l limits words, -f combines references.
complete rouge -m ""
expect_only rouge-stem-flag
complete rouge -l ""
expect_only rouge-limit-words
no_files rouge-limit-words
complete rouge -f ""
expect_only rouge-f A B
complete rouge --lang = r
expect_only rouge-lang ro ru
# Options come from --help's option lines, not its prose ("Use a model
# with 'precis --idf MODEL'", "ROUGE-1, -2, -L and -SU4").
complete split --wrap ""
expect_only wrap-modes auto join keep
complete summarize --input-format=m
expect_only input-formats markdown
complete idf build --i
expect_only idf-no-prose --input= --input-format=
complete eval -S
expect_only eval-no-prose
complete eval --lan
expect_only eval-language --language=
# --compare takes a comma-separated list.
complete eval --compare = tfidf,textr
expect_only compare-list tfidf,textrank

# The binary as typed, "~/bin/precis": the tilde is expanded to ask it.
mkdir -p "$tmp/home/bin"
ln -s "$PRECIS" "$tmp/home/bin/precis"
HOME="$tmp/home" bash -c '
	compopt() { :; }
	. "$1/completions/precis"
	COMP_WORDS=("~/bin/precis" -m "")
	COMP_CWORD=2
	_precis
	printf "%s\n" "${COMPREPLY[@]}"
' complete "$top_srcdir" >"$tmp/out" 2>"$tmp/err"
expect_words tilde-binary tfidf textrank

# keywords: the command, its formats and options.
complete k
expect_words "keywords command" keywords
complete keywords -f ""
expect_only "keywords formats" text json
complete keywords --co
expect_words "keywords options" --count=
complete --keywords ""
no_files "--keywords takes a number"
finish
