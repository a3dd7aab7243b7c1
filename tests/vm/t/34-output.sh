# output: kp_out.ko (tests/vm/out-probes) writes into its own ftrace
# instance, /sys/kernel/tracing/instances/kp_out/, created at load and
# removed at unload.  Triggers and expected values:
#  - a write of 3 to kp_target's "out" file calls kp_target_out_ints(-i,
#    200+i, -30000+i, 60000+i, -2000000000+i, 4000000000+i, -2^40-i, 2^63+i)
#    and kp_target_out_more(-2^62-i, 2^64-1-i, "out", &obj, kp_target_value)
#    for i = 1..3: print.cpp's kp::print lines carry exactly those values
#    (the pointer hashed as kp_target's own %p prints it, raw as its %px,
#    the symbol as its %pS; comm and pid the writing shell's), print_c.c's
#    C kp_trace_printf lines "c_out: c=-i uc=200+i s=-30000+i"; none in
#    dmesg (control: the same grep sees them with output=printk);
#  - unload prints "9 lines written, 0 overrun, 0 dropped";
#  - the directory is gone after unload (control: seen while loaded);
#  - output=printk: the lines are in dmesg, no instance is created;
#  - a reader holding trace_pipe open: unload leaves the instance with one
#    -EBUSY line, the reader got the line, rmdir removes it afterwards;
#  - the flood: print_hot.cpp prints on every kp_target_value() call while
#    "repeat" is written in a loop for KP_FLOOD seconds (5 by default, to
#    keep the run short; the buffer overflows within the first second, so
#    5 s and 10 s test the same thing: `KP_FLOOD=10 tools/kbench run ...`
#    runs 10, passed on amd64 6.12): a shell
#    command completes during it, the per-CPU stats show overruns, the
#    module unloads, and its unload line has lines written = 20000 x the
#    writes made and the overruns the stats files showed after the flood.

TRACEFS=/sys/kernel/tracing
OUT_INST=$TRACEFS/instances/kp_out
TARGET=/sys/kernel/debug/kp_target
# the text of the trace lines with prefix $2 ("...: kp_trace_printf: TEXT")
trace_text() { grep -v '^#' "$1" | sed -n "s/.*: kp_trace_printf: \\($2\\)/\\1/p"; }
# the unload line of kp_out after the last mark "$1"
unload_line() { dmesg_since "$1" | sed -n 's/.*kp_out: output: //p'; }
# the sum of "$1: N" over the instance's per-CPU stats files
stats_sum() { cat $OUT_INST/per_cpu/cpu*/stats | sed -n "s/^$1: //p" | awk '{ s += $1 } END { print s + 0 }'; }
# compare file $2 with $3, as check $1
expect_file() {
	if cmp -s "$2" "$3"; then pass "$1"; else
		fail "$1" "got [$(tr '\n' ',' <"$2")] want [$(tr '\n' ',' <"$3")]
$(grep -v '^#' $OUT_INST/trace 2>/dev/null | head -3)"
	fi
}

check "tracefs is mounted" grep -q " $TRACEFS tracefs " /proc/mounts
# %p prints "(____ptrval____)" until the kernel's RNG is seeded and then a
# work item has set the hash key: reading /dev/random blocks until it is
# seeded (jitter entropy does it in seconds); kp_target's "out" with N = 0
# prints a %p, to wait for the key
hashed_p() {
	timeout 30 head -c 1 /dev/random >/dev/null || return 1
	for _i in 1 2 3 4 5 6 7 8 9 10; do
		echo 0 >$TARGET/out
		dmesg | grep 'kp_target: out ptr=' | tail -1 | grep -qv ptrval && return 0
		usleep 500000
	done
	return 1
}
check "the RNG is seeded, %p hashes" hashed_p
kmsg_mark "load kp_out"
check "insmod kp_out.ko" insmod /kp_out.ko
check "the instance directory exists while loaded" test -d $OUT_INST
echo 3 >$TARGET/out
dmesg_since "load kp_out" | sed -n 's/.*kp_target: out //p' | tail -1 >/tmp/out.kp_target
ptr=$(sed 's/^ptr=\([^ ]*\) .*/\1/' /tmp/out.kp_target)
raw=$(sed 's/.* raw=\([^ ]*\) .*/\1/' /tmp/out.kp_target)
fn=$(sed 's/.* fn=//' /tmp/out.kp_target)
comm=$(cat /proc/$$/comm)
trace_text $OUT_INST/trace 'out_ints: .*' >/tmp/out.ints
printf 'out_ints: c=-%d uc=%d s=%d us=%d i=%d ui=%d l=%s ul=%s\n' \
	1 201 -29999 60001 -1999999999 4000000001 -1099511627777 9223372036854775809 \
	2 202 -29998 60002 -1999999998 4000000002 -1099511627778 9223372036854775810 \
	3 203 -29997 60003 -1999999997 4000000003 -1099511627779 9223372036854775811 >/tmp/out.ints.want
expect_file "kp::print: every integer width with its value and sign" /tmp/out.ints /tmp/out.ints.want
echo "# trace: $(grep -m1 'out_more: ' $OUT_INST/trace)"
trace_text $OUT_INST/trace 'out_more: .*' >/tmp/out.more
for i in 1 2 3; do
	printf 'out_more: ll=-461168601842738790%d ull=1844674407370955161%d str=out ptr=%s raw=%s fn=%s comm=%s pid=%d 100%%\n' \
		$((4 + i)) $((5 - i)) "$ptr" "$raw" "$fn" "$comm" $$
done >/tmp/out.more.want
case $ptr in
"" | *ptrval*) echo "out_more: kp_target printed no hashed pointer: ptr=$ptr" >>/tmp/out.more.want ;;
esac
expect_file "kp::print: long long, string, %p, %px, %pS, comm, pid and a literal %" \
	/tmp/out.more /tmp/out.more.want
trace_text $OUT_INST/trace 'c_out: .*' >/tmp/out.c
printf 'c_out: c=-%d uc=%d s=%d\n' 1 201 -29999 2 202 -29998 3 203 -29997 >/tmp/out.c.want
expect_file "C macro: kp_trace_printf lines with their values" /tmp/out.c /tmp/out.c.want
expect_eq "no output line in dmesg" "$(dmesg_since "load kp_out" | grep -cE 'out_ints:|out_more:|c_out:')" 0
kmsg_mark "unload kp_out"
check "rmmod kp_out" rmmod kp_out
expect_eq "unload reports lines written, overruns and drops" "$(unload_line "unload kp_out")" \
	"trace instance kp_out: 9 lines written, 0 overrun, 0 dropped"
if [ -d $OUT_INST ]; then
	fail "the instance directory is gone after unload" "$OUT_INST still exists"
else
	pass "the instance directory is gone after unload"
fi

# output=printk: the same lines, in dmesg; no instance
kmsg_mark "kp_out printk"
check "insmod kp_out.ko output=printk" insmod /kp_out.ko output=printk
echo 1 >$TARGET/out
expect_eq "output=printk: the lines are in dmesg" \
	"$(dmesg_since "kp_out printk" | sed -n 's/.*kp_out: \(c_out: .*\)/\1/p')" "c_out: c=-1 uc=201 s=-29999"
if [ -d $OUT_INST ]; then fail "output=printk: no instance" "$OUT_INST exists"; else
	pass "output=printk: no instance"; fi
kmsg_mark "kp_out printk unload"
check "rmmod kp_out (output=printk)" rmmod kp_out
expect_eq "output=printk: unload reports the lines" "$(unload_line "kp_out printk unload")" \
	"printk: 3 lines written"
if insmod /kp_out.ko output=nowhere 2>/dev/null; then
	fail "output=nowhere: refused" "loaded"
	rmmod kp_out
else
	pass "output=nowhere: refused"
fi

# a reader in trace_pipe at unload: the kernel refuses to remove the instance
check "insmod kp_out.ko (a reader at unload)" insmod /kp_out.ko
cat $OUT_INST/trace_pipe >/tmp/out.pipe &
pipe_pid=$!
sleep 1
echo 1 >$TARGET/out
sleep 1
kmsg_mark "kp_out busy"
check "rmmod kp_out with trace_pipe open" rmmod kp_out
expect_eq "a reader at unload: the instance is left, one line says so" \
	"$(unload_line "kp_out busy" | tail -1)" \
	"trace instance kp_out left in place: -EBUSY (a reader holds it open); rmdir /sys/kernel/tracing/instances/kp_out when done"
check "a reader at unload: the directory is still there" test -d $OUT_INST
kill $pipe_pid
wait $pipe_pid 2>/dev/null
expect_eq "a reader at unload: the reader got the line" \
	"$(sed -n 's/.*: \(c_out: .*\)/\1/p' /tmp/out.pipe)" "c_out: c=-1 uc=201 s=-29999"
check "a reader at unload: rmdir removes it when the reader is gone" rmdir $OUT_INST
check "a reader at unload: gone after rmdir" test ! -d $OUT_INST

# the flood: a line on every call of a hot path, at full speed
# overload_limit=0: printing on every call is most of the CPU time of this
# loop, which the overload protection (t/62-overload.sh) would stop
check "insmod kp_out.ko (flood)" insmod /kp_out.ko overload_limit=0
secs=${KP_FLOOD:-5}
: >/tmp/flood.writes
# for $secs seconds, and on until the buffer has overrun (at most 50 writes):
# on a loaded host the guest clock runs on while the vCPU waits, and one
# run made a single write in 5 s
(
	end=$(($(cut -d. -f1 /proc/uptime) + secs)) n=0
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ] ||
		{ [ "$(stats_sum overrun)" = 0 ] && [ $n -lt 50 ]; }; do
		echo 20000 >$TARGET/repeat && echo >>/tmp/flood.writes
		n=$((n + 1))
	done
) &
flood_pid=$!
sleep 2
t0=$(cut -d' ' -f1 /proc/uptime)
if timeout 10 ls / >/dev/null; then
	pass "flood: a shell command completes during it"
	echo "# flood: ls took $(echo "$(cut -d' ' -f1 /proc/uptime) $t0" | awk '{ print $1 - $2 }') s"
else
	fail "flood: a shell command completes during it" "ls / did not finish within 10 s"
fi
wait $flood_pid
writes=$(grep -c '' /tmp/flood.writes)
overrun=$(stats_sum overrun)
if [ "$overrun" -gt 0 ] 2>/dev/null; then pass "flood: the per-CPU stats show overruns"; else
	fail "flood: the per-CPU stats show overruns" "overrun=$overrun after $writes writes"; fi
kmsg_mark "kp_out flood"
check "flood: rmmod kp_out" rmmod kp_out
expect_eq "flood: unload reports every line written and the overruns" \
	"$(unload_line "kp_out flood")" \
	"trace instance kp_out: $((writes * 20000)) lines written, $overrun overrun, 0 dropped"
echo "# flood: $secs s, $writes writes of 20000 calls, $overrun lines overwritten"
check "flood: the instance is gone" test ! -d $OUT_INST
