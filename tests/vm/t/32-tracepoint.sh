# tracepoint: examples/signal.cpp on signal_generate, and tests/vm/probes on
# kp_target.ko's own tracepoint kp_target_hit.  Trigger: SIGUSR1 (10) sent
# by this shell to a sleeping child; a write of 11 values to kp_target's
# "many" file, which fires kp_target_hit(a2, "many").  Expected: sender
# pid, signal, target pid, group=1, result=delivered; value=-7 what=many.

signal_child
expect_line "signal_generate: signal, target pid, result" \
	"kp_examples: signal_generate: comm=[^ ]+ pid=$$ sig=10 target_pid=$SIGNAL_TARGET group=1 result=delivered\$"
expect_line "a loadable module's tracepoint found by name" \
	'kp_tests: tracepoint register at trace_kp_target_hit \[kp_target\]$'
echo "0 -7 0 0 0 0 0 0 0 0 0" >/sys/kernel/debug/kp_target/many
expect_line "module tracepoint: arguments" 'kp_tests: kp_target_hit: value=-7 what=many$'
