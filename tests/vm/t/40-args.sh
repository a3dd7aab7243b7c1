# args: tests/vm/probes/kp_target.cpp on kp_target.ko's functions.  Every
# argument category at every position, registers and stack: kp_target_many
# has 11 arguments (x86_64 passes the 7th on, arm64 the 9th on, on the
# stack), narrow and signed types, bools.  Trigger: writes to
# /sys/kernel/debug/kp_target/{many,errptr}.  Expected: the values written,
# the sum returned (negated), ERR_PTR(-2) and a valid pointer.

echo "-1 -2 -3 -4 4000000000 1 65535 -8 1 -10 -11000000000" >/sys/kernel/debug/kp_target/many
expect_line "11 arguments: registers, stack, narrow and signed types" \
	'kp_tests: many: -1 -2 -3 -4 4000000000 1 65535 -8 1 -10 -11000000000$'
sum=$((-1 - 2 - 3 - 4 + 4000000000 + 1 + 65535 - 8 + 1 - 10 - 11000000000))
expect_line "kretprobe and kprobe on one function in one file: long return" \
	"kp_tests: many_ret: a1=-1 a11=-11000000000 ret=$((-sum))\$"
expect_line "offset probe: register view" 'kp_tests: many_regs: arg0=-1 arg1=-2$'
echo "1 0 0 0 0 0 0 0 0 0 2" >/sys/kernel/debug/kp_target/many
expect_line "bool false on the stack, zeros" 'kp_tests: many: 1 0 0 0 0 0 0 0 0 0 2$'
echo 2 >/sys/kernel/debug/kp_target/errptr
expect_line "pointer return value: ERR_PTR(-ENOENT)" 'kp_tests: errptr_ret: err -2$'
echo 0 >/sys/kernel/debug/kp_target/errptr
expect_line "pointer return value: a valid pointer" 'kp_tests: errptr_ret: ptr 0$'
# Two sleeps at once: the MaxActive<1> kretprobe on hrtimer_nanosleep
# misses the second (reported at unload, t/90-unload.sh).
sleep 1 &
sleep 1 &
wait
