# begin-end: kp_run.ko (tests/vm/run-probes) declares begin, end and
# interval probes in C++ (begin_end.cpp: kp::Begin, kp::End, kp::Interval<100>)
# and with the C macros (begin_end_c.c: KP_BEGIN, KP_END, KP_INTERVAL(.., 250)),
# next to two kprobes.  Trigger: insmod, 3 s of waiting, rmmod.  Expected:
#  - each begin handler's dmesg line exactly once, after the last
#    "register at" line, C++ before C (link order); each end handler's
#    exactly once at unload, before the first "unregister at" line;
#  - the interval handlers' trace lines "tick: n=1, 2, ..." consecutive,
#    and in a 2.0 s window starting half a period after the first tick (by
#    the trace's own timestamps) 20 ticks of 100 ms and 8 of 250 ms, within
#    +-1: the core re-arms the timer one period after its last expiry (no
#    drift), so tick k is due at first + k periods; it fires on a jiffy
#    (4 ms at HZ=250), never early, late by the softirq's latency; a window
#    edge half a period from every due time is crossed only by a tick (or
#    the first one) more than half a period late, which can move one tick in
#    or out at each edge;
#  - the status file shows the kinds, begin ran 1 time, the interval's hits
#    equal its lines; disabled through the control file it stops, enabled
#    again it runs;
#  - excluded=begin:c_begin: that begin does not run (control: the C++ one does);
#  - with output=printk, no tick line after the interval's "unregister at"
#    line (control: tick lines before it): the timer is stopped before the
#    module text goes.

RUN_INST=/sys/kernel/tracing/instances/kp_run
RUN_STATUS=/sys/kernel/debug/kp-kp_run/probes
# line number of the first / last line of /tmp/run.dmesg matching $1 (0: none)
first_at() { grep -nE -- "$1" /tmp/run.dmesg | head -1 | cut -d: -f1 | grep . || echo 0; }
last_at() { grep -nE -- "$1" /tmp/run.dmesg | tail -1 | cut -d: -f1 | grep . || echo 0; }
count_of() { grep -cE -- "$1" /tmp/run.dmesg; }
# "timestamp n" of the trace lines "$1: n=N"
ticks_of() { grep -v '^#' $RUN_INST/trace | sed -n "s/.* \\([0-9]*\\.[0-9]*\\): kp_trace_printf: $1: n=\\([0-9]*\\)\$/\\1 \\2/p"; }
# how many of the ticks on stdin fall in [first + $2, first + $2 + $1) (seconds)
in_window() {
	awk -v w="$1" -v o="$2" 'NR == 1 { t0 = $1 + o } $1 >= t0 && $1 < t0 + w { n++ } END { print n + 0 }'
}
# whether the n= values on stdin are 1, 2, 3, ...
consecutive() { awk '$2 != NR { bad = 1 } END { exit bad }'; }
# a status line's column $2 for the probe named $1
status_col() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $RUN_STATUS; }

kmsg_mark "load kp_run"
check "insmod kp_run.ko" insmod /kp_run.ko
sleep 3
dmesg_since "load kp_run" >/tmp/run.dmesg
# runs_once WHAT: the C++ and the C handler's "kp_run: WHAT: cpp|c" line
# once each in /tmp/run.dmesg; their line numbers in $cpp_at and $c_at
runs_once() {
	expect_eq "$1 (C++) ran once" "$(count_of "kp_run: $1: cpp\$")" 1
	expect_eq "$1 (C macro) ran once" "$(count_of "kp_run: $1: c\$")" 1
	cpp_at=$(first_at "kp_run: $1: cpp\$")
	c_at=$(first_at "kp_run: $1: c\$")
}
# in_order NAME N1 N2 N3: ok if 0 < N1 < N2 < N3
in_order() {
	if [ "$2" -gt 0 ] && [ "$3" -gt "$2" ] && [ "$4" -gt "$3" ]; then pass "$1"; else
		fail "$1" "line numbers $2, $3, $4 are not in that order"; fi
}
runs_once begin
in_order "begin runs after the last register line, in link order" \
	"$(last_at 'kp_run: (kprobe|kretprobe|tracepoint|interval) register at')" "$cpp_at" "$c_at"
expect_eq "no end handler ran at load" "$(count_of 'kp_run: end: ')" 0
expect_eq "the interval register lines" \
	"$(sed -n 's/.*kp_run: \(interval register at .*\)/\1/p' /tmp/run.dmesg | tr '\n' ',')" \
	"interval register at tick every 100 ms,interval register at interval:c_tick every 250 ms,"

ticks_of tick >/tmp/run.ticks
ticks_of c_tick >/tmp/run.cticks
n=$(in_window 2.0 0.05 </tmp/run.ticks)
if [ "$n" -ge 19 ] && [ "$n" -le 21 ]; then pass "interval 100 ms: 20 +-1 runs in 2.0 s"; else
	fail "interval 100 ms: 20 +-1 runs in 2.0 s" "$n runs: $(head -3 /tmp/run.ticks | tr '\n' ',')"; fi
echo "# interval 100 ms: $n runs in the 2.0 s window, $(grep -c '' /tmp/run.ticks) in all, $(awk 'NR == 1 { a = $1 } { b = $1; n = NR } END { if (n > 1) printf "%.2f", (b - a) * 1000 / (n - 1) }' /tmp/run.ticks) ms apart on average"
n=$(in_window 2.0 0.125 </tmp/run.cticks)
if [ "$n" -ge 7 ] && [ "$n" -le 9 ]; then pass "interval 250 ms (C macro): 8 +-1 runs in 2.0 s"; else
	fail "interval 250 ms (C macro): 8 +-1 runs in 2.0 s" "$n runs: $(head -3 /tmp/run.cticks | tr '\n' ',')"; fi
check "interval: every run printed, n=1, 2, ... (C++)" consecutive </tmp/run.ticks
check "interval: every run printed, n=1, 2, ... (C macro)" consecutive </tmp/run.cticks

expect_eq "status: the kinds and symbols" \
	"$(awk -F'\t' 'NR > 1 && $2 != "kprobe" { print $2 " " $4 }' $RUN_STATUS | tr '\n' ',')" \
	"begin begin,end end,interval interval@100ms,begin c_begin,end c_end,interval c_tick@250ms,"
expect_eq "status: begin ran once, end not yet" \
	"$(status_col begin:c_begin 7) $(status_col run_end 7)" "1 0"
echo disable tick >/sys/kernel/debug/kp-kp_run/control
ticks_of tick >/tmp/run.ticks
expect_eq "status: the interval's runs are its lines" "$(status_col tick 7)" \
	"$(grep -c '' /tmp/run.ticks)"
echo "# interval 100 ms: $(status_col tick 8) periods missed (the timer ran more than a period late)"
sleep 1
ticks_of tick >/tmp/run.ticks2
expect_eq "control: a disabled interval does not run" "$(grep -c '' /tmp/run.ticks2)" \
	"$(grep -c '' /tmp/run.ticks)"
echo enable tick >/sys/kernel/debug/kp-kp_run/control
sleep 1
ticks_of tick >/tmp/run.ticks3
if [ "$(grep -c '' /tmp/run.ticks3)" -gt "$(grep -c '' /tmp/run.ticks2)" ]; then
	pass "control: enabled again, it runs again"
else
	fail "control: enabled again, it runs again" "$(grep -c '' /tmp/run.ticks3) lines"
fi

kmsg_mark "unload kp_run"
check "rmmod kp_run" rmmod kp_run
dmesg_since "unload kp_run" >/tmp/run.dmesg
runs_once end
in_order "end runs before the first unregister line, in link order" "$cpp_at" "$c_at" \
	"$(first_at 'kp_run: (kprobe|kretprobe|tracepoint|interval) unregister at')"
expect_eq "no begin handler ran at unload" "$(count_of 'kp_run: begin: ')" 0

# excluded: that begin probe does not run
kmsg_mark "kp_run excluded"
check "insmod kp_run.ko excluded=begin:c_begin" insmod /kp_run.ko excluded=begin:c_begin
dmesg_since "kp_run excluded" >/tmp/run.dmesg
expect_eq "excluded: the excluded begin does not run, the other does" \
	"$(count_of 'kp_run: begin: c$') $(count_of 'kp_run: begin: cpp$')" "0 1"
check "rmmod kp_run (excluded)" rmmod kp_run

# the timer stops before the module goes: ticks into dmesg (output=printk)
check "insmod kp_run.ko output=printk" insmod /kp_run.ko output=printk
sleep 1
kmsg_mark "unload kp_run printk"
check "rmmod kp_run (output=printk)" rmmod kp_run
sleep 1
dmesg_since "unload kp_run printk" >/tmp/run.dmesg
dmesg | grep -c 'kp_run: tick: n=' >/tmp/run.nticks
if [ "$(cat /tmp/run.nticks)" -gt 0 ]; then pass "output=printk: the ticks are in dmesg"; else
	fail "output=printk: the ticks are in dmesg" "no kp_run: tick line"; fi
u=$(first_at 'kp_run: interval unregister at tick$')
after=$(tail -n +$((u + 1)) /tmp/run.dmesg | grep -c 'kp_run: tick: n=')
if [ "$u" -gt 0 ] && [ "$after" = 0 ]; then pass "no interval run after its unregister line"; else
	fail "no interval run after its unregister line" "unregister line $u, $after tick lines after it"; fi
