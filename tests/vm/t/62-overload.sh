# overload: kp_overload.ko (tests/vm/overload-probes/spin.cpp): "spin" spins
# 1 ms in every call of kp_target_value(), "steady" counts the
# kp_target_hit tracepoint the same loop fires.  Writing 6000 to the
# target's repeat file (6000 calls of each, 6 s if spin never stopped):
# spin's handlers use more than overload_limit (set to 30% here) of a CPU in
# two checks in a row (about 2 s), so spin is disabled with one line naming
# it, "disabled (overload)", and stops counting (its hits stay far below
# 6000 and do not change with 100 more calls), while steady counts every
# call: exactly 6000, then 6100.  "enable spin" arms it again.  Loaded with
# overload_limit=0, spin runs on: 600 calls, 600 hits, still enabled.
# Why 30, not the default 50: a timed call counts at most 1 ms (the spin's
# length), so spin's share is 1 ms over the time from one call to the next;
# on a loaded host the guest's clock runs on while its vCPU waits, and one
# run (amd64-6.1-gcc, host load 4-5) took 14.6 s for the 6000 calls: a share
# of about 40%, under 50, never disabled.  Unloaded it is about 95%.

OV=/sys/kernel/debug/kp-kp_overload
ov_field() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $OV/probes; }

kmsg_mark "kp_overload"
check "kp_overload.ko loads" insmod /kp_overload.ko overload_limit=30
expect_eq "both probes enabled, no hits yet" \
	"$(ov_field spin 6) $(ov_field spin 7) $(ov_field steady 6) $(ov_field steady 7)" "enabled 0 enabled 0"
t0=$(date +%s)
echo 6000 >/sys/kernel/debug/kp_target/repeat
took=$(($(date +%s) - t0))
# the line comes from the overload check's worker: wait for it (at most 3 s)
for i in 1 2 3 4 5 6; do
	dmesg_since "kp_overload" >/tmp/ov.dmesg
	grep -q 'kp_overload: overload:' /tmp/ov.dmesg && break
	sleep 0.5
done
expect_eq "one line names the overloaded probe" \
	"$(grep -cE 'kp_overload: overload: kprobe spin \(kp_target_value\) disabled: its handlers used about [0-9]+% of CPU [0-9]+ over [0-9]+ ms \(timed 1 call in 256; overload_limit=30\); .enable spin. in the control file arms it again$' /tmp/ov.dmesg)" 1
# the estimate (rounded down: 30 is over the limit too): 2 sampled calls or
# so an interval, each counting 256
pct=$(sed -n 's/.*kp_overload: overload: .* used about \([0-9]*\)% of CPU.*/\1/p' /tmp/ov.dmesg)
if [ "${pct:-0}" -ge 30 ] && [ "$pct" -le 160 ]; then pass "the share it reports is over the limit"; else
	fail "the share it reports is over the limit" "${pct:-none}%"; fi
expect_eq "its state: disabled (overload)" "$(ov_field spin 6)" "disabled (overload)"
spin_hits=$(ov_field spin 7)
# it ran (the positive control) and was stopped well before the 6000 calls ended
if [ "$spin_hits" -ge 256 ] && [ "$spin_hits" -lt 5000 ]; then pass "spin ran, then stopped counting"; else
	fail "spin ran, then stopped counting" "spin hits: $spin_hits of 6000 calls (${took}s)"; fi
expect_eq "steady counted every call meanwhile" "$(ov_field steady 6) $(ov_field steady 7)" "enabled 6000"
echo 100 >/sys/kernel/debug/kp_target/repeat
expect_eq "100 more calls: steady counts them, spin stays off" \
	"$(ov_field steady 7) $(ov_field spin 7)" "6100 $spin_hits"
echo "enable spin" >$OV/control
expect_eq "enable spin: armed again" "$(ov_field spin 6)" "enabled"
check "rmmod kp_overload" rmmod kp_overload

check "kp_overload.ko loads with overload_limit=0" insmod /kp_overload.ko overload_limit=0
echo 600 >/sys/kernel/debug/kp_target/repeat
sleep 1.2   # past one interval: no check runs without a limit
expect_eq "no limit: spin counted all 600 calls and is still enabled" \
	"$(ov_field spin 7) $(ov_field spin 6)" "600 enabled"
check "rmmod kp_overload" rmmod kp_overload
dmesg_since "kp_overload" >/tmp/ov.dmesg
expect_eq "and no second overload line" "$(grep -c 'kp_overload: overload:' /tmp/ov.dmesg)" 1
