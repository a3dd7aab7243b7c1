# fexit: return probes on the kernel's cheapest mechanism,
# tests/vm/probes/kp_target_fexit.cpp (kp::Fexit on kp_target_many,
# kp_target_errptr, kp_target_value, hrtimer_nanosleep with MaxActive<1>,
# and an optional one on a missing symbol).  Trigger: writes to
# /sys/kernel/debug/kp_target/{many,errptr,repeat}, two sleeps at once.
# Expected: the mechanism in the register line (fprobe on amd64 6.12, the
# kernels with CONFIG_FPROBE; kretprobe on the others); the same per-call
# data and return values as the kretprobes of tests/vm/probes/kp_target.cpp
# in the same run; status lines (kind fexit, address, state, maxactive 1,
# missed > 0 after two concurrent sleeps); hits +3 for kp_target_value(1..5)
# (the entry handler skips the even ones) while the kretprobe on the same
# function counts +5, +0 while disabled, +3 again after enable; the optional
# one "skipped -ENOENT".

ST=/sys/kernel/debug/kp-kp_tests
REPEAT=/sys/kernel/debug/kp_target/repeat
st_field() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $ST/probes; }
st_kss() { awk -F'\t' -v n="$1" '$3 == n { print $2, $4, $6 }' $ST/probes; }
hits() { st_field "$1" 7; }

case $KP_TARGET in
amd64-6.12*) mech=fprobe ;;
*) mech=kretprobe ;;
esac
expect_line "fexit register line names the mechanism ($mech on $KP_TARGET)" \
	"kp_tests: fexit register at kp_target_many\\+0x[0-9a-f]+/0x[0-9a-f]+ \\[kp_target\\] \\($mech\\)\$"

vals="-1 -2 -3 -4 4000000000 1 65535 -8 1 -10 -11000000000"
sum=$((-1 - 2 - 3 - 4 + 4000000000 + 1 + 65535 - 8 + 1 - 10 - 11000000000))
echo "$vals" >/sys/kernel/debug/kp_target/many
want=$(dmesg | sed -n "s/.*kp_tests: many_ret: \\(.*\\)$/\\1/p" | tail -1)
expect_eq "kretprobe on kp_target_many: data and return (control)" "$want" \
	"a1=-1 a11=-11000000000 ret=$((-sum))"
expect_line "per-call data from the entry (registers and stack), long return: as the kretprobe" \
	"kp_tests: fexit_many: $want\$"
echo 2 >/sys/kernel/debug/kp_target/errptr
expect_line "pointer return value: ERR_PTR(-ENOENT)" 'kp_tests: fexit_errptr: err -2$'
echo 0 >/sys/kernel/debug/kp_target/errptr
expect_line "pointer return value: a valid pointer" 'kp_tests: fexit_errptr: ptr 0$'

expect_eq "status: kind, symbol, state" "$(st_kss fexit_value)" "fexit kp_target_value+0x0 enabled"
case $(st_field fexit_value 5) in
kp_target_value+0x*/0x*" [kp_target]") pass "status: resolved address" ;;
*) fail "status: resolved address" "address column: $(st_field fexit_value 5)" ;;
esac
expect_eq "optional fexit on a missing symbol: skipped -ENOENT" \
	"$(st_kss fexit_missing)" "fexit kp_no_such_function_fexit+0x0 skipped -ENOENT"

b=$(hits fexit_value) k=$(hits status_value_ret)
echo 5 >$REPEAT
expect_eq "hits: +3 for values 1..5, the entry handler skipping the even ones (kretprobe: +5)" \
	"$(($(hits fexit_value) - b)) $(($(hits status_value_ret) - k))" "3 5"
echo "disable fexit_value" >$ST/control
expect_eq "control: disabled" "$(st_field fexit_value 6)" disabled
b=$(hits fexit_value) k=$(hits status_value_ret)
echo 5 >$REPEAT
expect_eq "disabled: +0 while the kretprobe on the same function counts +5" \
	"$(($(hits fexit_value) - b)) $(($(hits status_value_ret) - k))" "0 5"
echo "enable fexit_value" >$ST/control
b=$(hits fexit_value)
echo 5 >$REPEAT
expect_eq "enabled again: +3" "$(st_field fexit_value 6) $(($(hits fexit_value) - b))" "enabled 3"

# two sleeps at once, one call followed: the other is missed
m0=$(st_field fexit_sleep 8)
sleep 1 &
sleep 1 &
wait
expect_eq "MaxActive<1> shown as maxactive 1" "$(st_field fexit_sleep 9)" 1
m1=$(st_field fexit_sleep 8)
if [ "$((m1 - m0))" -gt 0 ] 2>/dev/null; then pass "a second concurrent call is counted missed"; else
	fail "a second concurrent call is counted missed" "missed column: $m0 -> $m1"; fi
