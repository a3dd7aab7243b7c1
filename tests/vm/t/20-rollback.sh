# rollback: kp_fail.ko (examples/ plus tests/vm/fail-probes/zz_missing.cpp,
# a kprobe on a symbol that does not exist, registered last) must fail to
# load with -ENOENT, name the probe, roll back everything it registered in
# reverse order, and leave the kprobes list exactly as it was.

before=$(klist_count)
if insmod /kp_fail.ko >/tmp/insmod.err 2>&1; then
	fail "kp_fail.ko refused" "loaded although kp_no_such_function does not exist"
	rmmod kp_fail
else
	pass "kp_fail.ko refused"
fi
# busybox's insmod prints ENOENT from init_module as "unknown symbol in module, ..."
if grep -qiE 'unknown symbol in module|no such file' /tmp/insmod.err; then pass "insmod fails with ENOENT"; else
	fail "insmod fails with ENOENT" "insmod said: $(cat /tmp/insmod.err)"; fi
expect_line "failure names probe, symbol, errno name and declaration" \
	'kp_fail: kprobe register failed at kp_no_such_function\+0x0: -ENOENT \(.*zz_missing.cpp:[0-9]+\)'
# busybox insmod tries finit_module, then init_module: keep the first attempt
dmesg | awk '/kp_fail: .* register failed at/ { failed = 1 }
	failed && / kp_fail: [a-z]+ register at / { exit } { print }' >/tmp/fail.dmesg
reg_lines kp_fail register </tmp/fail.dmesg >/tmp/fail.reg
reg_lines kp_fail unregister </tmp/fail.dmesg >/tmp/fail.unreg
nreg=$(grep -c '' /tmp/fail.reg)
if [ "$nreg" -gt 1 ]; then pass "probes registered before the failing one"; else
	fail "probes registered before the failing one" "only $nreg"; fi
if reverse </tmp/fail.reg | cmp -s - /tmp/fail.unreg; then
	pass "rollback unregistered them in reverse order"
else
	fail "rollback unregistered them in reverse order" \
		"registered [$(tr '\n' ',' </tmp/fail.reg)] unregistered [$(tr '\n' ',' </tmp/fail.unreg)]"
fi
# positive control: $before > 0 was seen by the same klist_count (10-load)
expect_eq "kprobes list unchanged by the failed load" "$(klist_count)" "$before"
expect_not_loaded "kp_fail not loaded" kp_fail kp_examples
