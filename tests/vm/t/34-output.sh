# output: kp_out.ko (tests/vm/out-probes) writes into its own ftrace
# instance, /sys/kernel/tracing/instances/kp_out/, created at load and
# removed at unload.  Trigger: a write of N to kp_target's "out" file calls
# kp_target_out_ints(-i, 200+i, -30000+i, ...) for i = 1..N; the C probe
# (print_c.c) writes "c_out: c=-i uc=200+i s=-30000+i" per call.  Expected:
# exactly those N lines in the instance's trace, in order, none in dmesg;
# the unload line "N lines written, 0 overrun, 0 dropped"; the instance
# directory gone after unload (control: seen while loaded).

TRACEFS=/sys/kernel/tracing
OUT_INST=$TRACEFS/instances/kp_out
# the text of the trace lines after the ip ("...: kp_trace_printf: TEXT")
trace_text() { grep -v '^#' "$1" | sed -n 's/.*: kp_trace_printf: //p'; }

check "tracefs is mounted" grep -q " $TRACEFS tracefs " /proc/mounts
kmsg_mark "load kp_out"
check "insmod kp_out.ko" insmod /kp_out.ko
check "the instance directory exists while loaded" test -d $OUT_INST
echo 3 >/sys/kernel/debug/kp_target/out
trace_text $OUT_INST/trace >/tmp/out.lines
printf 'c_out: c=-%d uc=%d s=%d\n' 1 201 -29999 2 202 -29998 3 203 -29997 >/tmp/out.want
if cmp -s /tmp/out.lines /tmp/out.want; then
	pass "C macro: kp_trace_printf lines read back from the instance with their values"
else
	fail "C macro: kp_trace_printf lines read back from the instance with their values" \
		"got [$(tr '\n' ',' </tmp/out.lines)] want [$(tr '\n' ',' </tmp/out.want)]
$(grep -v '^#' $OUT_INST/trace | head -3)"
fi
expect_eq "no output line in dmesg" "$(dmesg_since "load kp_out" | grep -c 'c_out:')" 0
kmsg_mark "unload kp_out"
check "rmmod kp_out" rmmod kp_out
expect_eq "unload reports lines written and overruns" \
	"$(dmesg_since "unload kp_out" | sed -n 's/.*kp_out: output: trace instance kp_out: //p')" \
	"3 lines written, 0 overrun, 0 dropped"
if [ -d $OUT_INST ]; then
	fail "the instance directory is gone after unload" "$OUT_INST still exists"
else
	pass "the instance directory is gone after unload"
fi
