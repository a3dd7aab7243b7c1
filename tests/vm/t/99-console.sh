# console: dmesg holds no oops, WARN, BUG, lockdep, RCU stall, ftrace or
# relocation trouble (the patterns of tests/vm/bad-patterns, the same the
# host applies to the whole console).  Positive control: bad_lines finds
# each kind of line in a sample that holds them.

printf '%s\n' "WARNING: CPU: 0 PID: 1 at kernel/x.c:1 f+0x0/0x10" "BUG: kernel NULL pointer dereference" \
	"Oops: 0002 [#1] SMP" "ftrace failed to modify" "rcu: INFO: rcu_sched detected stalls on CPUs/tasks:" \
	"BUG: scheduling while atomic: x/1/0x00000002" "kp: fine line" >/tmp/bad.selftest
expect_eq "bad_lines finds each kind of bad line (self-test)" "$(bad_lines </tmp/bad.selftest | grep -c '')" 6
if dmesg | bad_lines >/tmp/bad.found; then
	fail "no oops, WARN, BUG, lockdep, stall or ftrace trouble in dmesg" "$(head -5 /tmp/bad.found)"
else
	pass "no oops, WARN, BUG, lockdep, stall or ftrace trouble in dmesg"
fi
