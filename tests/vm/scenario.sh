#!/bin/sh
# The test bench scenario, run as /scenario.sh by the guest's /init on every
# target (tools/kbench).  It drives the probes with known values and compares
# what they recorded (dmesg lines) to those values.  Prints "KP-FAIL: ..."
# for every failed check; exits non-zero if any failed.

FAILS=0
fail() { echo "KP-FAIL: $*"; FAILS=$((FAILS + 1)); }
ok() { echo "KP-OK: $*"; }
# expect_line REGEX DESCRIPTION: some dmesg line matches the extended REGEX
expect_line() {
	if dmesg | grep -qE -- "$1"; then ok "$2"; else fail "$2: no dmesg line matches: $1"; fi
}
# no_line REGEX DESCRIPTION
no_line() {
	if dmesg | grep -qE -- "$1"; then fail "$2: $(dmesg | grep -E -- "$1" | head -3)"; else ok "$2"; fi
}
# value KEY TEXT: the value of KEY=... in TEXT
value() { echo "$2" | sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"; }
# registration lines of module $1 on stdin, in order: "kind symbol" (offsets dropped)
reg_lines() { sed -n "s/.*$1: \\(kprobe\\|kretprobe\\|tracepoint\\) $2 at \\([^+ ]*\\).*/\\1 \\2/p"; }
reverse() { awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }'; }

ARCH=$(uname -m)
case $ARCH in
x86_64) O_LARGEFILE_HEX=0x8000 SYS=__x64_sys_ ;;
aarch64) O_LARGEFILE_HEX=0x20000 SYS=__arm64_sys_ ;;
*) fail "unknown arch $ARCH" ;;
esac
KLIST=/sys/kernel/debug/kprobes/list
echo "KP-INFO: $(uname -r) $ARCH"

# ---- 1. a probe that cannot register: everything rolls back ----------------
insmod /kp_target.ko || fail "insmod kp_target.ko"
if insmod /kp_fail.ko 2>/tmp/insmod.err; then
	fail "kp_fail.ko loaded although kp_no_such_function does not exist"
	rmmod kp_fail
else
	ok "kp_fail.ko refused: $(cat /tmp/insmod.err)"
fi
expect_line 'kp_fail: kprobe register failed at kp_no_such_function\+0x0: -ENOENT \(.*zz_missing.cpp:[0-9]+\)' \
	"failure names probe, symbol, errno name and declaration"
# busybox insmod tries finit_module, then init_module: keep the first attempt
dmesg | awk '/kp_fail: .* register failed at/ { failed = 1 }
	failed && / kp_fail: [a-z]+ register at / { exit } { print }' >/tmp/fail.dmesg
reg_lines kp_fail register </tmp/fail.dmesg >/tmp/fail.reg
reg_lines kp_fail unregister </tmp/fail.dmesg >/tmp/fail.unreg
[ -s /tmp/fail.reg ] || fail "kp_fail registered nothing before the failing probe"
if reverse </tmp/fail.reg | cmp -s - /tmp/fail.unreg; then
	ok "rollback unregistered $(wc -l </tmp/fail.reg) probes in reverse order"
else
	fail "rollback order: registered [$(tr '\n' ',' </tmp/fail.reg)] unregistered [$(tr '\n' ',' </tmp/fail.unreg)]"
fi
if [ -s $KLIST ]; then fail "kprobes left after the failed load: $(cat $KLIST)"; else ok "nothing left in $KLIST"; fi

# ---- 2. load ---------------------------------------------------------------
insmod /kprobes.ko || fail "insmod kprobes.ko"
insmod /kp_tests.ko || fail "insmod kp_tests.ko"
expect_line 'kprobes: kprobe register at do_sys_openat2\+0x[0-9a-f]+/0x[0-9a-f]+$' "seed format: kprobe register at"
expect_line 'kprobes: kretprobe register at inode_permission\+0x[0-9a-f]+/0x[0-9a-f]+$' "seed format: kretprobe register at"
expect_line 'kprobes: tracepoint register at trace_signal_generate$' "seed format: tracepoint register at"
dmesg | reg_lines kprobes register >/tmp/kprobes.reg
# declaration order within one file (g++ emits a file's entries reversed):
# syscall_openat.cpp declares the kprobe before the kretprobe
if grep -n "${SYS}openat" /tmp/kprobes.reg | tr '\n' ' ' | grep -qE '^[0-9]+:kprobe [^ ]+ [0-9]+:kretprobe '; then
	ok "declaration order kept within a file"
else
	fail "declaration order within syscall_openat.cpp: $(grep -n "${SYS}openat" /tmp/kprobes.reg | tr '\n' ' ')"
fi
# link order across files: probes/ sorted by name, close.cpp first
head -1 /tmp/kprobes.reg | grep -qE 'kprobe (close_fd|file_close_fd)$' && ok "link order: close.cpp first" ||
	fail "link order: first registered is '$(head -1 /tmp/kprobes.reg)', expected probes/close.cpp"
grep -q 'do_sys_openat2' $KLIST && ok "do_sys_openat2 in $KLIST" || fail "do_sys_openat2 not in $KLIST"

# ---- 3. activity with known values ----------------------------------------
out=$(kp_guest open /tmp/kp-open-test 241 640)
GUEST_PID_OPEN=$(value pid "$out") fd=$(value fd "$out")
[ "$fd" -ge 0 ] 2>/dev/null || fail "kp_guest open: $out"
flags=$(printf '0x%x' $((0x241 | O_LARGEFILE_HEX)))
expect_line "kprobes: open: comm=kp_guest pid=$GUEST_PID_OPEN dfd=-100 filename=/tmp/kp-open-test flags=$flags mode=0640$" \
	"kprobe do_sys_openat2: dfd, filename, flags and mode"
expect_line "kprobes: sys_openat: pid=$GUEST_PID_OPEN dfd=-100 filename=/tmp/kp-open-test flags=0x241 mode=0640$" \
	"syscall openat: 4 arguments with the syscall convention"
expect_line "kprobes: sys_openat_ret: pid=$GUEST_PID_OPEN filename=/tmp/kp-open-test ret=$fd$" \
	"syscall openat return: the fd"

out=$(kp_guest open /tmp/kp-missing 0 0)
pid=$(value pid "$out")
[ "$(value errno "$out")" = 2 ] || fail "kp_guest open missing: $out"
expect_line "kprobes: sys_openat_ret: pid=$pid filename=/tmp/kp-missing ret=-2$" "syscall openat return: -ENOENT"
expect_line "kprobes: open: comm=kp_guest pid=$pid dfd=-100 filename=/tmp/kp-missing flags=$O_LARGEFILE_HEX mode=00$" \
	"kprobe do_sys_openat2: O_RDONLY open of a missing file"

out=$(kp_guest close 42)
GUEST_PID_CLOSE=$(value pid "$out")
expect_line "kprobes: close: comm=kp_guest pid=$GUEST_PID_CLOSE fd=42$" "kprobe close: the fd closed"

sleep 60 &
SIGNAL_PID=$!
kill -USR1 $SIGNAL_PID
wait $SIGNAL_PID 2>/dev/null
expect_line "kprobes: signal_generate: comm=[^ ]+ pid=$$ sig=10 target_pid=$SIGNAL_PID group=1 result=delivered$" \
	"tracepoint signal_generate: signal, target pid, result"

printf 'not a program\n' >/tmp/kp-noexec
chmod 644 /tmp/kp-noexec
out=$(kp_guest exec /tmp/kp-noexec)
pid=$(value pid "$out")
[ "$(value errno "$out")" = 13 ] || fail "exec of a 0644 file: $out"
expect_line "kprobes: inode_permission: comm=kp_guest pid=$pid mask=0x21 ret=-13$" \
	"kretprobe inode_permission: mask from per-call data, -EACCES returned"

# Every argument category at every position, registers and stack.
echo "-1 -2 -3 -4 4000000000 1 65535 -8 1 -10 -11000000000" >/sys/kernel/debug/kp_target/many
expect_line 'kp_tests: many: -1 -2 -3 -4 4000000000 1 65535 -8 1 -10 -11000000000$' \
	"11 arguments (stack-passed beyond the registers), narrow and signed types"
sum=$((-1 - 2 - 3 - 4 + 4000000000 + 1 + 65535 - 8 + 1 - 10 - 11000000000))
expect_line "kp_tests: many_ret: a1=-1 a11=-11000000000 ret=$((-sum))$" \
	"kretprobe and kprobe on one function in one file; long return value"
expect_line 'kp_tests: many_regs: arg0=-1 arg1=-2$' "offset probe: register view"
expect_line 'kp_tests: tracepoint register at trace_kp_target_hit \[kp_target\]$' \
	"a loadable module's tracepoint found by name"
expect_line 'kp_tests: kp_target_hit: value=-2 what=many$' "module tracepoint: arguments"
echo "1 0 0 0 0 0 0 0 0 0 2" >/sys/kernel/debug/kp_target/many
expect_line 'kp_tests: many: 1 0 0 0 0 0 0 0 0 0 2$' "bool false on the stack, zeros"
echo 2 >/sys/kernel/debug/kp_target/errptr
expect_line 'kp_tests: errptr_ret: err -2$' "pointer return value: ERR_PTR(-ENOENT)"
echo 0 >/sys/kernel/debug/kp_target/errptr
expect_line 'kp_tests: errptr_ret: ptr 0$' "pointer return value: a valid pointer"

# Two sleeps at once, and the MaxActive<1> kretprobe on hrtimer_nanosleep
# misses the second: reported when kp_tests unloads.
sleep 1 &
sleep 1 &
wait

for f in /scenario.d/*.sh; do
	[ -f "$f" ] && . "$f"
done

if [ "$KP_DEMO" = 1 ]; then
	echo
	echo "==== what the probes saw (dmesg) ===="
	dmesg | grep -E 'kprobes: (open|close|sys_openat|inode_permission|signal_generate|seed_)' | tail -20
	echo "==== registered probes ($KLIST) ===="
	cat $KLIST
	echo
fi

# ---- 4. unload ---------------------------------------------------------------
if rmmod kp_target 2>/dev/null; then
	fail "kp_target unloaded while kp_tests probes its tracepoint"
	insmod /kp_target.ko
else
	ok "kp_target pinned while its tracepoint is probed"
fi
rmmod kp_tests || fail "rmmod kp_tests"
expect_line 'kp_tests: kretprobe missed probing [1-9][0-9]* instances of hrtimer_nanosleep\+0x[0-9a-f]+/0x[0-9a-f]+$' \
	"missed kretprobe instances reported at unload, seed format"
rmmod kprobes || fail "rmmod kprobes"
dmesg | reg_lines kprobes unregister >/tmp/kprobes.unreg
if reverse </tmp/kprobes.reg | cmp -s - /tmp/kprobes.unreg; then
	ok "unload unregistered $(wc -l </tmp/kprobes.reg) probes in reverse order"
else
	fail "unload order: registered [$(tr '\n' ',' </tmp/kprobes.reg)] unregistered [$(tr '\n' ',' </tmp/kprobes.unreg)]"
fi
if [ -s $KLIST ]; then fail "kprobes left after unload: $(cat $KLIST)"; else ok "nothing left in $KLIST"; fi
# the probed paths once more, with the module text gone
kp_guest open /tmp/kp-open-test 241 640 >/dev/null
sleep 60 &
kill -USR1 $!
rmmod kp_target || fail "rmmod kp_target"

no_line 'Oops|BUG:|WARNING:|Call Trace|ftrace (failed|faulted)|ftrace_bug|Unknown rela relocation|scheduling while atomic|possible circular locking|lockdep' \
	"no oops, WARN, BUG, ftrace or lockdep trouble in dmesg"

echo "KP-SUMMARY: $FAILS failed check(s)"
[ $FAILS = 0 ]
