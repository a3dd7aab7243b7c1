# fentry: entry probes on ftrace, tests/vm/probes/kp_target_fentry.cpp
# (kp::Fentry on kp_target_many, kp_target_errptr, kp_target_value, and an
# optional one on a missing symbol), all on kp_tests.ko's one ftrace_ops.
# Trigger: writes to /sys/kernel/debug/kp_target/{many,errptr,repeat}.
# Expected: the same values the kprobes of tests/vm/probes/kp_target.cpp
# decode (11 arguments, registers and stack, narrow and signed types) in
# the same run; fentry register lines; the status file's fentry lines
# (kind, symbol, address, state); hits +5 for 5 calls, +0 while disabled
# with the kprobe on the same function counting +5 in the same run, +5
# again after enable; the optional one "skipped -ENOENT"; the ftrace ops
# listed in enabled_functions for the three functions.

ST=/sys/kernel/debug/kp-kp_tests
REPEAT=/sys/kernel/debug/kp_target/repeat
st_field() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $ST/probes; }
st_kss() { awk -F'\t' -v n="$1" '$3 == n { print $2, $4, $6 }' $ST/probes; }
hits() { st_field "$1" 7; }

expect_line "fentry register line, seed format" \
	'kp_tests: fentry register at kp_target_many\+0x[0-9a-f]+/0x[0-9a-f]+ \[kp_target\]$'

vals="-5 -6 -7 -8 4000000001 1 65534 -9 1 -12 -11000000001"
echo "$vals" >/sys/kernel/debug/kp_target/many
want=$(dmesg | sed -n "s/.*kp_tests: many: \\(.*\\)$/\\1/p" | tail -1)
expect_eq "kprobe on kp_target_many decodes the 11 values (control)" "$want" "$vals"
expect_line "11 arguments, registers, stack, narrow and signed: as the kprobe" \
	"kp_tests: fentry_many: $vals\$"
echo "1 0 0 0 0 0 0 0 0 0 2" >/sys/kernel/debug/kp_target/many
expect_line "bool false on the stack, zeros" 'kp_tests: fentry_many: 1 0 0 0 0 0 0 0 0 0 2$'
echo 3 >/sys/kernel/debug/kp_target/errptr
expect_line "int argument" 'kp_tests: fentry_errptr: 3$'

expect_eq "status: kind, symbol, state" "$(st_kss fentry_value)" "fentry kp_target_value+0x0 enabled"
case $(st_field fentry_value 5) in
kp_target_value+0x*/0x*" [kp_target]") pass "status: resolved address" ;;
*) fail "status: resolved address" "address column: $(st_field fentry_value 5)" ;;
esac
expect_eq "optional fentry on a missing symbol: skipped -ENOENT" \
	"$(st_kss fentry_missing)" "fentry kp_no_such_function_fentry+0x0 skipped -ENOENT"

b=$(hits fentry_value) k=$(hits status_value)
echo 5 >$REPEAT
expect_eq "hits: +5 for 5 calls (kprobe on the same function: +$(($(hits status_value) - k)))" \
	"$(($(hits fentry_value) - b))" 5
echo "disable fentry_value" >$ST/control
expect_eq "control: disabled" "$(st_field fentry_value 6)" disabled
b=$(hits fentry_value) k=$(hits status_value)
echo 5 >$REPEAT
expect_eq "disabled: +0 while the kprobe on the same function counts +5" \
	"$(($(hits fentry_value) - b)) $(($(hits status_value) - k))" "0 5"
echo "enable fentry_value" >$ST/control
b=$(hits fentry_value)
echo 5 >$REPEAT
expect_eq "enabled again: +5" "$(st_field fentry_value 6) $(($(hits fentry_value) - b))" "enabled 5"

# the three functions are ftrace-enabled (on arm64 only by our ops: kprobes
# there are breakpoints; on x86_64 also by the kprobes on them)
EF=/sys/kernel/tracing/enabled_functions
[ -r $EF ] || EF=/sys/kernel/debug/tracing/enabled_functions
grep -E '^kp_target_' $EF | sed 's/^/# /'
expect_eq "enabled_functions lists the 3 functions" \
	"$(grep -cE '^kp_target_(many|errptr|value) ' $EF)" 3
