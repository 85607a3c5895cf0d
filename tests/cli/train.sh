#!/bin/sh
. "$top_srcdir/tests/cli/setup"
finish
