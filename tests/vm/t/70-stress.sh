# stress: on 2 vCPUs, a workload hits every probe of kp_examples.ko and
# kp_tests.ko continuously (opens, closes, execs and child exits' SIGCHLD
# from kp_stress, a copy of kp_guest whose comm the example probes do not
# print for; kp_target's repeat/many/errptr writes; concurrent sleeps on
# the MaxActive<1> kretprobe) while kp_linger.ko, kp_tests.ko and
# kp_examples.ko are unloaded and loaded again $KP_CYCLES times
# (kp.cycles=, default 20).  After every unload: no kprobe left in the
# kprobes list and none of our functions left on the tracepoints
# (kp_target's tp_probes file); after every load: both see our probes again
# (the positive controls, same commands); after every cycle: no line of
# tests/vm/bad-patterns in dmesg.  The unload guard: no unload returned from
# kp_linger's exit while its slow tracepoint probe (linger-probes/a_linger.c,
# the module's only probe, loaded with output=printk: no trace instance, so
# only the core's tracepoint wait covers it) was
# still running on the other CPU (kp_target's late counter, from its module
# notifier), and that probe did run throughout (linger_runs grows).  At the
# end the kernel still runs the workload and a probed open decodes correctly.
#
# On Debian's arm64 6.1 (kretprobe instances on a freelist, no rethook) this
# stress is what found the kernel's kretprobe holder use-after-free: most
# unloads find the MaxActive<1> kretprobe's one instance in flight (a task
# sleeping in hrtimer_nanosleep), and when that task returns and its RCU
# callback frees the holder before unregister_kretprobes() reaches
# free_rp_inst(), that frees the holder a second time and corrupts the slab
# freelist (an oops in __kmem_cache_alloc_node at the next insmod or fork,
# within 3 cycles without slub_debug; slub_debug's poisoning hides it).  The
# core holds its own reference on the holder there (framework/core/kp_main.c,
# KP_KRETPROBE_HOLDER_REF); these checks are what must stay clean.

# kp_linger with output=printk: no trace instance, whose removal at unload
# (event_trace_del_tracer) waits for tracepoint probes itself and would hide
# a missing wait of the core's
insmod /kp_linger.ko output=printk || fail "stress: insmod kp_linger" "insmod failed"
cp /bin/kp_guest /bin/kp_stress
printf 'not a program\n' >/tmp/kp-stress-noexec
chmod 644 /tmp/kp-stress-noexec
rm -f /tmp/stress.stop
(while [ ! -e /tmp/stress.stop ]; do
	kp_stress open /tmp/stress-file 241 640 >/dev/null
	kp_stress open /tmp/stress-missing 0 0 >/dev/null
	kp_stress close 9 >/dev/null
	kp_stress exec /tmp/kp-stress-noexec >/dev/null
done) &
w1=$!
(n=0; while [ ! -e /tmp/stress.stop ]; do
	echo 2000 >/sys/kernel/debug/kp_target/repeat
	usleep 1000
	n=$((n + 1))
	# the probes on these print a line per call: not every time
	if [ $((n % 20)) = 0 ]; then
		echo 0 >/sys/kernel/debug/kp_target/errptr
		echo "$n 1 2 3 4 1 5 6 0 7 8" >/sys/kernel/debug/kp_target/many
	fi
done) &
w2=$!
(while [ ! -e /tmp/stress.stop ]; do usleep 3000; done) &
w3=$!
# the unload guard: kp_linger's slow probe on kp_target_linger, in flight
# 200 us per call, on whichever CPU is not unloading
(while [ ! -e /tmp/stress.stop ]; do echo 50 >/sys/kernel/debug/kp_target/linger; usleep 1000; done) &
w5=$!
(while [ ! -e /tmp/stress.stop ]; do usleep 2000; done) &
w4=$!

runs0=$(cat /sys/kernel/debug/kp_target/linger_runs)
late0=$(cat /sys/kernel/debug/kp_target/late)
klist_left=0 klist_unseen=0 tp_left=0 tp_unseen=0 load_fail=0 unload_fail=0 bad=0 first=""
i=1
t0=$(date +%s)
while [ $i -le "$KP_CYCLES" ]; do
	rmmod kp_linger || { unload_fail=$((unload_fail + 1)); first=${first:-"cycle $i: rmmod kp_linger"}; }
	rmmod kp_tests || { unload_fail=$((unload_fail + 1)); first=${first:-"cycle $i: rmmod kp_tests"}; }
	rmmod kp_examples || { unload_fail=$((unload_fail + 1)); first=${first:-"cycle $i: rmmod kp_examples"}; }
	n=$(klist_count)
	[ "$n" = 0 ] || { klist_left=$((klist_left + 1)); first=${first:-"cycle $i: $n kprobes left"}; }
	n=$(tp_probes_ours)
	[ "$n" = 0 ] || { tp_left=$((tp_left + 1)); first=${first:-"cycle $i: $n tracepoint probes left"}; }
	insmod /kp_examples.ko || { load_fail=$((load_fail + 1)); first=${first:-"cycle $i: insmod kp_examples"}; }
	insmod /kp_tests.ko || { load_fail=$((load_fail + 1)); first=${first:-"cycle $i: insmod kp_tests"}; }
	insmod /kp_linger.ko output=printk || { load_fail=$((load_fail + 1)); first=${first:-"cycle $i: insmod kp_linger"}; }
	[ "$(klist_count)" -gt 0 ] || klist_unseen=$((klist_unseen + 1))
	[ "$(tp_probes_ours)" -gt 0 ] || tp_unseen=$((tp_unseen + 1))
	if dmesg | bad_lines >/tmp/stress.bad; then
		bad=$((bad + 1))
		first=${first:-"cycle $i: $(head -1 /tmp/stress.bad)"}
		break
	fi
	i=$((i + 1))
done
t1=$(date +%s)
echo "# stress: $((i - 1)) cycles in $((t1 - t0)) s${first:+, first failure: $first}"
expect_eq "every unload succeeded under load" "$unload_fail" 0
expect_eq "every load succeeded under load" "$load_fail" 0
expect_eq "the kprobes list showed the probes after every load (control)" "$klist_unseen" 0
expect_eq "no kprobe left after any unload" "$klist_left" 0
expect_eq "tp_probes showed our tracepoint probes after every load (control)" "$tp_unseen" 0
expect_eq "no tracepoint probe left after any unload" "$tp_left" 0
expect_eq "no oops, WARN, BUG, lockdep, stall or ftrace line after any cycle" "$bad" 0
expect_eq "all cycles ran" "$((i - 1))" "$KP_CYCLES"
runs=$(($(cat /sys/kernel/debug/kp_target/linger_runs) - runs0))
if [ "$runs" -gt 0 ]; then pass "the slow tracepoint probe ran during the cycles (control)"; else
	fail "the slow tracepoint probe ran during the cycles (control)" "linger_runs grew by $runs"; fi
echo "# unload guard: the slow probe ran $runs times"
expect_eq "no unload returned while a handler still ran" "$(($(cat /sys/kernel/debug/kp_target/late) - late0))" 0
alive=0
for p in $w1 $w2 $w3 $w4 $w5; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
expect_eq "the workload still runs after the cycles" "$alive" 5
touch /tmp/stress.stop
wait $w1 $w2 $w3 $w4 $w5 2>/dev/null
rmmod kp_linger
out=$(kp_guest open /tmp/kp-after-stress 241 640)
pid=$(value pid "$out")
expect_line "a probed open decodes correctly after the cycles" \
	"kp_examples: open: comm=kp_guest pid=$pid dfd=-100 filename=/tmp/kp-after-stress flags=$(printf '0x%x' $((0x241 | O_LARGEFILE_HEX))) mode=0640\$"
