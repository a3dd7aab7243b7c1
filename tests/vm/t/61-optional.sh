# optional: kp_fail.ko (examples/ plus tests/vm/fail-probes/zz_missing.cpp,
# a required kprobe on kp_no_such_function that fails the load and rolls it
# back, t/20-rollback.sh) loaded with module parameters.  all_optional=1:
# the same probe is skipped with one line, shown "skipped -ENOENT", the
# module loads and its other probes fire; without the parameter the load
# still fails.  excluded=PATTERN: not registered at all ("excluded").
# disabled=PATTERN: registered disarmed.  A name that is no probe's: the load
# fails with one line.  Unloading removes /sys/kernel/debug/kp-kp_fail.

FS=/sys/kernel/debug/kp-kp_fail
# column $2 of kp_fail's status line of the probe on symbol $1
fs_field() { awk -F'\t' -v s="$1" -v c="$2" '$4 == s { print $c }' $FS/probes; }
fs_count() { awk -F'\t' -v st="$1" 'NR > 1 && $6 == st' $FS/probes | grep -c ''; }

kmsg_mark "kp_fail all_optional"
check "all_optional=1: kp_fail.ko loads" insmod /kp_fail.ko all_optional=1
dmesg_since "kp_fail all_optional" >/tmp/opt.dmesg
expect_eq "the missing probe: skipped -ENOENT, no address" \
	"$(fs_field kp_no_such_function+0x0 6) $(fs_field kp_no_such_function+0x0 5)" "skipped -ENOENT -"
expect_eq "one line names the skipped probe, its symbol and the errno" \
	"$(grep -cE 'kp_fail: optional kprobe tests/vm/fail-probes/zz_missing\.cpp:[0-9]+ skipped: register failed at kp_no_such_function\+0x0: -ENOENT \(tests/vm/fail-probes/zz_missing\.cpp:[0-9]+\)$' /tmp/opt.dmesg)" 1
expect_eq "no rollback: nothing unregistered" "$(reg_lines kp_fail unregister </tmp/opt.dmesg | grep -c '')" 0
n=$(($(grep -c '' $FS/probes) - 1))
if [ "$n" -gt 1 ] && [ "$(fs_count enabled)" = $((n - 1)) ]; then pass "every other probe enabled"; else
	fail "every other probe enabled" "$n probes, $(fs_count enabled) enabled"; fi
h0=$(fs_field do_sys_openat2+0x0 7 | head -1)
kp_guest open /tmp/kp-optional 0 0 >/dev/null
h1=$(fs_field do_sys_openat2+0x0 7 | head -1)
if [ "$h1" -gt "$h0" ] 2>/dev/null; then pass "the other probes fire"; else
	fail "the other probes fire" "hits of a probe on do_sys_openat2: $h0 -> $h1"; fi
check "rmmod kp_fail" rmmod kp_fail
# positive control: the same test saw the directory while kp_fail was loaded
if [ -e $FS ]; then fail "unload removes the debugfs directory" "$FS still exists"; else
	pass "unload removes the debugfs directory"; fi

if insmod /kp_fail.ko 2>/dev/null; then
	fail "without all_optional the same probe still fails the load" "kp_fail.ko loaded"
	rmmod kp_fail
else
	pass "without all_optional the same probe still fails the load"
fi

kmsg_mark "kp_fail excluded"
check "excluded=PATTERN: kp_fail.ko loads" insmod /kp_fail.ko 'excluded=tests/vm/fail-probes/*'
expect_eq "the excluded probe shown excluded" "$(fs_field kp_no_such_function+0x0 6)" excluded
expect_eq "the excluded probe not registered: no line about it" \
	"$(dmesg_since "kp_fail excluded" | grep -c kp_no_such_function)" 0
check "rmmod kp_fail (excluded)" rmmod kp_fail

before=$(grep -c '\[DISABLED\]' $KLIST)
check "disabled=PATTERN: kp_fail.ko loads" insmod /kp_fail.ko all_optional=1 'disabled=kprobe:*'
nk=$(awk -F'\t' 'NR > 1 && $3 ~ /^kprobe:/' $FS/probes | grep -c '')
expect_eq "the probes the pattern names start disabled" \
	"$(awk -F'\t' 'NR > 1 && $3 ~ /^kprobe:/ && $6 == "disabled"' $FS/probes | grep -c '')" "$nk"
if [ "$nk" -gt 0 ] && [ "$(grep -c '\[DISABLED\]' $KLIST)" = $((before + nk)) ]; then
	pass "the kernel's kprobes list marks them disabled"
else
	fail "the kernel's kprobes list marks them disabled" \
		"$nk named, [DISABLED] lines $before -> $(grep -c '\[DISABLED\]' $KLIST)"
fi
if [ "$(awk -F'\t' 'NR > 1 && $3 !~ /^kprobe:/ && $6 == "disabled"' $FS/probes | grep -c '')" = 0 ]; then
	pass "the others start enabled"; else fail "the others start enabled" "$(cut -f3,6 $FS/probes)"; fi
check "rmmod kp_fail (disabled)" rmmod kp_fail

kmsg_mark "kp_fail unknown name"
if insmod /kp_fail.ko all_optional=1 disabled=no_such_probe 2>/dev/null; then
	fail "a parameter naming no probe fails the load" "kp_fail.ko loaded"
	rmmod kp_fail
else
	pass "a parameter naming no probe fails the load"
fi
# one line per load attempt (busybox insmod tries finit_module, then init_module)
dmesg_since "kp_fail unknown name" | grep 'kp_fail: ' | sed 's/^\[[^]]*\] //' | sort -u >/tmp/opt.why
expect_eq "one line names the parameter and the name" "$(cat /tmp/opt.why)" \
	'kp_fail: module parameter disabled: no probe is named "no_such_probe"'

expect_not_loaded "kp_fail not loaded after the failed load" kp_fail kp_examples
check "a pattern matching no probe is fine" insmod /kp_fail.ko all_optional=1 'disabled=no_such_*'
check "rmmod kp_fail (pattern)" rmmod kp_fail
