# bad-input: every kind of probe that cannot attach, each loaded alone from
# kp_bad.ko (tests/vm/bad-probes/: one file per case, plus a_good.cpp, a
# probe that registers first) by excluding the other cases with the
# excluded= module parameter.  Expected for each: insmod fails with the
# case's errno; one line names the probe, the symbol and the errno name;
# the good probe was registered and rolled back; the kprobes list is as it
# was before (positive control: it holds the loaded modules' probes, seen by
# the same klist_count in t/10-load.sh); kp_bad is not loaded.  Also: a
# module parameter naming an unknown probe, and (in t/90-unload.sh) a probe
# on a function of a module that is not loaded.

BAD_CASES="blacklist offset_mid offset_beyond unknown_tp"
# bad_excluding CASE: excluded= patterns for every case but CASE
bad_excluding() {
	_e=""
	for _c in $BAD_CASES; do [ "$_c" = "$1" ] || _e="$_e${_e:+,}*/bad-probes/$_c.cpp:*"; done
	echo "$_e"
}
# bad_case CASE ERRNO-NAME LINE-REGEX: loads kp_bad.ko with only CASE
bad_case() {
	before=$(klist_count)
	load_fails "$1" kp_bad "excluded=$(bad_excluding "$1")" "the probe, the symbol and $2" "$3"
	cp /tmp/load.dmesg /tmp/bad.dmesg
	if grep -qE 'kp_bad: kprobe register at kp_target_value\+' /tmp/bad.dmesg &&
		grep -qE 'kp_bad: kprobe unregister at kp_target_value\+' /tmp/bad.dmesg; then
		pass "$1: the probe registered before it was rolled back"
	else
		fail "$1: the probe registered before it was rolled back" "$(grep kp_bad /tmp/bad.dmesg | head -4)"
	fi
	expect_eq "$1: kprobes list as before" "$(klist_count)" "$before"
	expect_not_loaded "$1: kp_bad not loaded" kp_bad kp_examples
	cp /tmp/bad.dmesg /tmp/bad.last-case.dmesg
}

case $ARCH in
x86_64) mid_errno=EILSEQ ;;
*) mid_errno=EINVAL ;;
esac
bad_case blacklist EINVAL 'kp_bad: kprobe register failed at notify_die\+0x0: -EINVAL .*blacklist\.cpp:[0-9]+'
bad_case offset_mid $mid_errno "kp_bad: kprobe register failed at do_sys_openat2\\+0x1: -$mid_errno .*offset_mid\\.cpp:[0-9]+"
# the kernel adds the offset without checking the size: the core refuses an
# address outside the symbol (-ERANGE); on x86_64 the kernel may refuse it
# first for not being an instruction boundary (-EILSEQ)
bad_case offset_beyond "ERANGE or EILSEQ" 'kp_bad: kprobe register failed at do_sys_openat2\+0x100000: -E(RANGE|ILSEQ) .*offset_beyond\.cpp:[0-9]+'
bad_case unknown_tp ENOENT 'kp_bad: tracepoint register failed at trace_kp_no_such_tracepoint: -ENOENT .*unknown_tp\.cpp:[0-9]+'

# the same probe twice: kp_dup.ko (tests/vm/dup-probes/twice.cpp) is refused
# with EEXIST before anything registers
before=$(klist_count)
kmsg_mark "bad twice"
if insmod /kp_dup.ko >/tmp/bad.err 2>&1; then fail "twice: insmod fails with EEXIST" "kp_dup.ko loaded"; rmmod kp_dup
elif grep -q 'File exists' /tmp/bad.err; then pass "twice: insmod fails with EEXIST"
else fail "twice: insmod fails with EEXIST" "insmod said: $(cat /tmp/bad.err)"; fi
dmesg_since "bad twice" >/tmp/bad.dmesg
if grep -qE 'kp_dup: kprobe kp_target_many\+0x0 \(.*twice\.cpp:[0-9]+\): .*-EEXIST.* \(first at .*twice\.cpp:[0-9]+\)' /tmp/bad.dmesg; then
	pass "twice: one line names both declarations, the symbol and EEXIST"
else
	fail "twice: one line names both declarations, the symbol and EEXIST" "$(grep kp_dup /tmp/bad.dmesg | head -2)"
fi
# positive control: the same count sees kp_bad's good probe in the last case
if [ "$(registered_lines kp_bad /tmp/bad.last-case.dmesg)" -lt 1 ]; then
	fail "twice: refused before anything registered" "registered_lines sees no kp_bad line either"
elif [ "$(registered_lines kp_dup /tmp/bad.dmesg)" != 0 ]; then
	fail "twice: refused before anything registered" "$(grep 'register at' /tmp/bad.dmesg | head -2)"
else
	pass "twice: refused before anything registered"
fi
expect_eq "twice: kprobes list as before" "$(klist_count)" "$before"

# a module parameter naming a probe that does not exist
kmsg_mark "bad parameter"
if insmod /kp_bad.ko "disabled=no_such_probe" >/tmp/bad.err 2>&1; then
	fail "unknown probe in a module parameter: insmod fails" "kp_bad.ko loaded"
	rmmod kp_bad
else
	pass "unknown probe in a module parameter: insmod fails"
fi
dmesg_since "bad parameter" >/tmp/bad.dmesg
if grep -qE 'kp_bad: .*no_such_probe' /tmp/bad.dmesg; then pass "unknown probe in a module parameter: one line names it"; else
	fail "unknown probe in a module parameter: one line names it" "$(grep kp_bad /tmp/bad.dmesg | head -3)"; fi
