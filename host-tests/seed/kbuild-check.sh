#!/bin/sh
# kbuild-check.sh KDIR [MAKE VARIABLES...]
#   e.g. host-tests/seed/kbuild-check.sh $KDIR TOOLCHAIN=llvm
#
# The seed API (framework/kprobe.h) against real kernel headers, through the
# project's own Makefile/Kbuild, in a private copy of the tree:
#  1. kbuild/ok: every macro (DEFINE0..6, offsets, kretprobes, a tracepoint)
#     builds, with no warning located in that file or in the API's headers;
#  2. kbuild/bad: a kretprobe at a non-zero offset (the seed's defect 5) does
#     NOT build, and the compiler says why.
# ARCH=arm64 is added when KDIR is an arm64 kernel and no ARCH= is given.
# Exit 0 when both hold.
set -u
[ $# -ge 1 ] || { echo "usage: $0 KDIR [MAKE VARIABLES...]" >&2; exit 2; }
kdir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
want='a kretprobe attaches at function entry only: the offset must be 0'

arch=
case " $* " in
*" ARCH="*) ;;
*) grep -qx 'CONFIG_ARM64=y' "$kdir/include/config/auto.conf" 2>/dev/null && arch=ARCH=arm64 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/kp-seed-kbuild.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
"$root/tools/kp-copy-tree" "$work" || exit 1

extra="$*"	# make variables: words without spaces
build() { # ok|bad: builds the module of kbuild/$1, output in $work/$1.log
	make -C "$work" -j"${KP_JOBS:-2}" KDIR="$kdir" $arch KP_MODULE=kp_seed_check \
		KP_PROBE_DIRS="host-tests/seed/kbuild/$1" $extra modules >"$work/$1.log" 2>&1
}

fail=0
if ! build ok; then
	cat "$work/ok.log" >&2
	echo "FAIL: kbuild/ok (every macro of framework/kprobe.h) does not build" >&2
	fail=1
elif grep -E '(seed_all_macros\.c|kprobe\.h|kp_decode\.h):[0-9]+(:[0-9]+)?: warning' "$work/ok.log" >&2; then
	echo "FAIL: warnings from the seed API (above)" >&2
	fail=1
else
	echo "ok: every macro of framework/kprobe.h builds without warnings"
fi

make -C "$work" KDIR="$kdir" $arch $extra clean >/dev/null 2>&1
if build bad; then
	echo "FAIL: kbuild/bad (kretprobe at offset 0x5) built, but must not" >&2
	fail=1
elif ! grep -qF "$want" "$work/bad.log"; then
	cat "$work/bad.log" >&2
	echo "FAIL: kbuild/bad failed without the message: $want" >&2
	fail=1
else
	echo "ok: a non-zero kretprobe offset is a build error: $(grep -F "$want" "$work/bad.log" | head -1)"
fi
exit $fail
