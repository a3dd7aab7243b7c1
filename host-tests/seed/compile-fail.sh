#!/bin/sh
# compile-fail.sh CC ROOT CASE.c
#
# A compile-fail test of the seed's C macros on the host (framework/kprobe.h
# with KP_HOST_TEST): CASE.c must NOT compile, and the compiler's output must
# match the extended regex on its "expect: " line.  As a control, CASE.c
# compiled with -DKPT_CONTROL (the same file with the mistake corrected) must
# compile cleanly, so the failure is the one the case is about.
set -u
cc=$1 root=$2 src=$3
want=$(sed -n 's/.*expect: //p' "$src" | head -1)
[ -n "$want" ] || { echo "$src: no 'expect: REGEX' line" >&2; exit 2; }
flags="-std=gnu11 -fsyntax-only -Wall -Werror -I$root/framework -I$root -I$root/host-tests/seed"

if ! out=$($cc $flags -DKPT_CONTROL "$src" 2>&1); then
	printf '%s\n' "$out" >&2
	echo "FAIL: $src: the control (-DKPT_CONTROL) does not compile" >&2
	exit 1
fi
if out=$($cc $flags "$src" 2>&1); then
	echo "FAIL: $src compiled, but must not ($want)" >&2
	exit 1
fi
if ! printf '%s\n' "$out" | grep -qE -- "$want"; then
	printf '%s\n' "$out" >&2
	echo "FAIL: $src failed to compile, but without a message matching: $want" >&2
	exit 1
fi
echo "ok: $src: $(printf '%s\n' "$out" | grep -E -- "$want" | head -1)"
