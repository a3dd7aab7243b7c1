#!/bin/sh
# The guest side of the test bench, run as /scenario.sh by the guest's /init
# on every target (tools/kbench).  Prints KTAP: one result per check, from
# the feature files /t/*.sh (tests/vm/t/) sourced in name order, then the
# plan; then the whole dmesg between markers, for the host's logs.  Exits
# non-zero if a check failed.  How to add a check: tests/vm/README.md.
. /lib.sh

# Kernel messages below KERN_WARNING stay off the console while the checks
# print (they interleave with the KTAP lines); warnings, errors and oopses
# still show at once, and everything is in the dmesg dump below.
dmesg -n 5
echo "KTAP version 1"
echo "# $(uname -r) $ARCH target=$KP_TARGET"
for f in /t/*.sh; do
	FEATURE=$(basename "$f" .sh | sed 's/^[0-9]*-//')
	. "$f"
done
echo "1..$KTAP_N"
echo "# $KTAP_FAILS failed of $KTAP_N"
echo "KP-DMESG-BEGIN"
dmesg
echo "KP-DMESG-END"
[ "$KTAP_FAILS" = 0 ]
