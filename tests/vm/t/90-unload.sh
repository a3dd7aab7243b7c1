# unload: a module whose tracepoint is probed is pinned; kp_tests reports
# the kretprobe instances its MaxActive<1> probe missed (t/40-args.sh ran
# two sleeps at once) in the seed's format; kp_examples unregisters exactly
# what it registered, in reverse order; no kprobe is left in the kernel's
# list (positive control: t/10-load.sh saw the loaded probes with the same
# klist_count, and the self-test below sees a line in a list that holds
# one); the probed paths run again with the module text gone.

if rmmod kp_target 2>/dev/null; then
	fail "kp_target pinned while its tracepoint is probed" "rmmod kp_target succeeded"
	insmod /kp_target.ko
else
	pass "kp_target pinned while its tracepoint is probed"
fi
# the maps' summary at unload: one line per map with the entries and drops
# its file shows now (nothing calls kp_target_value any more)
for m in /sys/kernel/debug/kp-kp_tests/maps/*; do
	head -1 "$m" | sed -n 's/^# \([^:]*\): [a-z]*, \([0-9]* entr[a-z]*, [0-9]* dropped\).*/kp_tests: map \1: \2/p'
done | sort >/tmp/maps.summary.want
# and every map's text into the module's trace instance: read by a reader
# of its trace_pipe, which keeps the instance after the unload (removed here)
cat /sys/kernel/debug/kp-kp_tests/maps/* | grep -v '^$' | sort >/tmp/maps.text.want
TP_INST=/sys/kernel/tracing/instances/kp_tests
check "kp_tests' trace instance exists while loaded" test -d $TP_INST
cat $TP_INST/trace_pipe >/tmp/maps.tp &
TP_READER=$!
sleep 1
kmsg_mark "unload kp_tests"
check "rmmod kp_tests" rmmod kp_tests
sleep 1
kill $TP_READER
wait $TP_READER 2>/dev/null
[ -d $TP_INST ] && rmdir $TP_INST
sed -n 's/.*: kp_trace_printf: //p' /tmp/maps.tp | sort >/tmp/maps.text.got
if [ "$(grep -c '^@' /tmp/maps.text.want)" -ge 12 ] && cmp -s /tmp/maps.text.want /tmp/maps.text.got; then
	pass "maps printed into the trace instance at unload"
else
	fail "maps printed into the trace instance at unload" \
		"want $(grep -c '' /tmp/maps.text.want) lines, got $(grep -c '' /tmp/maps.text.got): $(diff /tmp/maps.text.want /tmp/maps.text.got | head -3 | tr '\n' ';')"
fi
check "the instance is removed after its reader" test ! -d $TP_INST
dmesg_since "unload kp_tests" | grep -o "kp_tests: map .*" | sort >/tmp/maps.summary.got
if [ "$(grep -c '' /tmp/maps.summary.want)" -ge 12 ] && cmp -s /tmp/maps.summary.want /tmp/maps.summary.got; then
	pass "maps summarised at unload: name, entries, drops"
else
	fail "maps summarised at unload: name, entries, drops" \
		"want [$(tr '\n' ';' </tmp/maps.summary.want)] got [$(tr '\n' ';' </tmp/maps.summary.got)]"
fi
expect_line "missed kretprobe instances reported at unload, seed format" \
	'kp_tests: kretprobe missed probing [1-9][0-9]* instances of hrtimer_nanosleep\+0x[0-9a-f]+/0x[0-9a-f]+$'
kmsg_mark "unload kp_examples"
check "rmmod kp_examples" rmmod kp_examples
dmesg_since "unload kp_examples" | reg_lines kp_examples unregister >/tmp/examples.unreg
if [ -s /tmp/examples.reg ] && reverse </tmp/examples.reg | cmp -s - /tmp/examples.unreg; then
	pass "unload unregistered every probe in reverse order"
else
	fail "unload unregistered every probe in reverse order" \
		"registered [$(tr '\n' ',' </tmp/examples.reg)] unregistered [$(tr '\n' ',' </tmp/examples.unreg)]"
fi
echo "ffffffffc0000000  k  kp_left_behind+0x0    [FTRACE]" >/tmp/klist.selftest
expect_eq "klist_count sees a probe left in a list (self-test)" "$(klist_count /tmp/klist.selftest)" 1
expect_eq "nothing left in the kprobes list" "$(klist_count)" 0
[ "$(klist_count)" = 0 ] || cat $KLIST | sed 's/^/# left: /'
# the probed paths once more, with the module text gone
kp_guest open /tmp/kp-open-test 241 640 >/dev/null
sleep 60 &
kill -USR1 $!
echo "0 1 0 0 0 0 0 0 0 0 0" >/sys/kernel/debug/kp_target/many
check "kp_target unpinned: rmmod kp_target" rmmod kp_target
# a probe on a function of a module that is not loaded: kp_tests.ko's first
# probe is on kp_target_many, and kp_target.ko is gone now
kmsg_mark "kp_tests without kp_target"
if insmod /kp_tests.ko >/tmp/insmod.err 2>&1; then
	fail "a probe on a function of a module not loaded: insmod fails" "kp_tests.ko loaded"
	rmmod kp_tests
else
	pass "a probe on a function of a module not loaded: insmod fails"
fi
if dmesg_since "kp_tests without kp_target" |
	grep -qE 'kp_tests: kprobe register failed at kp_target_many\+0x0: -ENOENT .*kp_target\.cpp:[0-9]+'; then
	pass "a probe on a function of a module not loaded: one line names it, the symbol and ENOENT"
else
	fail "a probe on a function of a module not loaded: one line names it, the symbol and ENOENT" \
		"$(dmesg_since "kp_tests without kp_target" | grep kp_tests | head -3)"
fi
expect_eq "nothing left in the kprobes list after that" "$(klist_count)" 0
