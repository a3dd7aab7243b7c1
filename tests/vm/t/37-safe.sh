# safe: the safe handler API, tests/vm/probes/safe.cpp.
# Trigger 1: `kp_guest safe 1234 2345 1` (pinned to CPU 1, comm "kp_safe",
# uid 1234, gid 2345) opens /tmp/kp-safe-good, then (char *)1, then
# /tmp/kp-safe-after, then calls umask(022).  Expected: the kp::User filename
# read correctly (length 17, first byte '/' = 47, 4 bytes); for (char *)1
# every read fails (-EFAULT = -14, typed false, 0 bytes) while the guest gets
# EFAULT, no fault is logged, and the next call decodes (length 18); pid,
# tgid, uid, gid, cpu, comm as the guest reports them, in both the syscall
# probe and the umask probe; the time between the guest's CLOCK_MONOTONIC
# before and after.
# Trigger 2: write 271828 to kp_target's kread: kp_target_kread(&v, (int *)16,
# a vmalloc guard page, "kp_target_kread").  Expected: the good read gives
# 271828, both bad reads fail, the kernel string is read (length 15), a
# string read of the guard page fails (-14).
# Trigger 3: write 1000 to kp_target's chain: a(1000) -> b(1001) -> c(1002).
# Expected: kp::Stack<32> from the tracepoint fired in c holds c, b, a in
# that order, consecutive; from a kprobe at c's entry c, b, a on x86_64 and
# c, a on arm64 (see README "Kernel stack traces": at a function's entry its
# caller's return address is still in the link register, which the arm64
# unwinder does not read); a copy compares equal, a changed one does not.

kmsg_mark "safe user"
out=$(kp_guest safe 1234 2345 1)
pid=$(value pid "$out") tid=$(value tid "$out")
dmesg_since "safe user" | grep 'kp_tests: safe: openat ' >/tmp/safe.open
sed 's/^/# /' /tmp/safe.open
ctx="pid=$tid tgid=$pid uid=1234 gid=2345 cpu=1 comm=kp_safe"
expect_eq "the guest ran as uid 1234 gid 2345 on CPU 1" \
	"$(value uid "$out") $(value gid "$out") $(value cpu "$out") $(value comm "$out")" \
	"1234 2345 1 kp_safe"
expect_eq "three openat calls probed" "$(grep -c '' /tmp/safe.open)" 3
line1=$(sed -n 1p /tmp/safe.open) line2=$(sed -n 2p /tmp/safe.open) line3=$(sed -n 3p /tmp/safe.open)
case $line1 in
*" read=17 typed=1 first=47 bytes=4 name=/tmp/kp-safe-good $ctx t="*)
	pass "a user string argument is read through kp::User" ;;
*) fail "a user string argument is read through kp::User" "got: $line1" ;;
esac
expect_eq "the guest's openat of (char *)1 failed with EFAULT" "$(value errno_bad "$out")" 14
case $line2 in
*"addr=0x1 read=-14 typed=0 first=-1 bytes=0 name= $ctx t="*)
	pass "an invalid user address: every read returns an error" ;;
*) fail "an invalid user address: every read returns an error" "got: $line2" ;;
esac
case $line3 in
*" read=18 typed=1 first=47 bytes=4 name=/tmp/kp-safe-after $ctx t="*)
	pass "the handler goes on: the next call decodes" ;;
*) fail "the handler goes on: the next call decodes" "got: $line3" ;;
esac
dmesg_since "safe user" | bad_lines >/tmp/safe.bad
printf 'BUG: unable to handle page fault for address: 0000000000000001\n' | bad_lines >/tmp/safe.bad.selftest
if [ "$(grep -c '' /tmp/safe.bad.selftest)" != 1 ]; then
	fail "no fault logged for the invalid user address" "bad_lines does not see a page fault line (self-test)"
elif [ -s /tmp/safe.bad ]; then
	fail "no fault logged for the invalid user address" "$(head -1 /tmp/safe.bad)"
else
	pass "no fault logged for the invalid user address"
fi
expect_line "context helpers in a second probe: pid, tgid, uid, gid, cpu, comm" \
	"kp_tests: safe: umask mask=022 $ctx\$"
t0=$(value t0 "$out") t1=$(value t1 "$out")
times=$(sed 's/.* t=\([0-9]*\)$/\1/' /tmp/safe.open | tr '\n' ' ')
# ktime_get_mono_fast_ns and the vDSO's CLOCK_MONOTONIC read the same clock
if echo "$t0 $times $t1" | awk '{ for (i = 2; i <= NF; i++) if ($i < $(i - 1)) exit 1; exit NF != 5 }'; then
	pass "kp::time_ns: monotonic, between the guest's clock readings"
else
	fail "kp::time_ns: monotonic, between the guest's clock readings" "t0=$t0 probes=$times t1=$t1"
fi

echo 271828 >/sys/kernel/debug/kp_target/kread
expect_line "kernel reads: a good address, a user address, a guard page, a string" \
	'kp_tests: safe: kread good=1 value=271828 low=0 at=0x10 guard=0 str=15:kp_target_kread badstr=-14$'

kmsg_mark "safe stack"
echo 1000 >/sys/kernel/debug/kp_target/chain
dmesg_since "safe stack" >/tmp/safe.stack
expect_line "the chain ran" 'kp_target: chain returned 2009$'
# the chain's functions among the frames, in order, with their frame numbers
chain_frames() {
	sed -n "s/.*kp_tests: safe: $1 #\\([0-9]*\\) kp_target_chain_\\([abc]\\)+.*/\\1 \\2/p" /tmp/safe.stack
}
chain_order() { chain_frames "$1" | awk '{ s = s $2 } END { print s }'; }
consecutive() { chain_frames "$1" | awk 'NR > 1 && $1 != prev + 1 { bad = 1 } { prev = $1 } END { exit bad }'; }
expect_eq "kp::Stack in a tracepoint probe: c, b, a in order" "$(chain_order tp-stack)" cba
check "kp::Stack in a tracepoint probe: the chain's frames are consecutive" consecutive tp-stack
case $ARCH in
x86_64) want=cba ;;
aarch64) want=ca ;;
esac
expect_eq "kp::Stack in a kprobe at the function's entry: the chain in order" \
	"$(chain_order kprobe-stack)" "$want"
check "kp::Stack in a kprobe: the chain's frames are consecutive" consecutive kprobe-stack
expect_line "kp::Stack: equality of a copy and of a changed copy" \
	'kp_tests: safe: tp-stack depth=[0-9]+ equal_copy=1 equal_changed=0$'
grep 'kp_tests: safe: .*-stack' /tmp/safe.stack | sed 's/^/# /'
