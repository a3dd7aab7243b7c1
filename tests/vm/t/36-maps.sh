# maps: kp_tests' maps (tests/vm/probes/maps.cpp, C++; values_c.c, the C
# macros) on kp_target_value(v), read at /sys/kernel/debug/kp-kp_tests/maps/.
# Trigger: kp_target's repeat file calls kp_target_value(i) for i = 1..N.
#  1. any calls, then "clear": the maps are non-empty before (the control)
#     and empty after (0 entries, no "@" line);
#  2. N = 1000 from one shell pinned to CPU 0: count N, sum N(N+1)/2, min 1,
#     max N, avg (integer) sum/N, the log2 and the linear (0, 1000, 100)
#     buckets as counted here from 1..N, the C macros' parity count (N/2
#     each) and log2 buckets; value_small (100 keys per CPU) keeps 100 keys
#     and drops N - 100;
#  3. after a clear, two shells at once, pinned to CPU 0 and CPU 1, calling
#     it 300 and 700 times: calls_by_pid and calls_by_comm_pid give each
#     shell's pid its exact count; value_count 1000 (merged over the CPUs);
#     value_small keeps keys 1..100 on both CPUs (100 entries, count 2 each)
#     and drops (300 - 100) + (700 - 100).
# Expected values are computed here from the workload, never read from the maps.

MAPS=/sys/kernel/debug/kp-kp_tests/maps
REPEAT=/sys/kernel/debug/kp_target/repeat

# the "@name: value" of an unkeyed map; the header fields of a map
map_value() { sed -n "s/^@$1: //p" $MAPS/$1; }
map_header() { head -1 $MAPS/$1; }
map_entries() { grep -c '^@' $MAPS/$1; }
# "label count" of every bucket line of a histogram map
map_buckets() {
	awk '/^[[(].* [0-9]+ \|/ { l = $0; sub(/ *\|.*/, "", l); n = l; sub(/.* /, "", n)
		sub(/ *[0-9]+$/, "", l); print l, n }' $MAPS/$1
}
clear_all() { for m in $MAPS/*; do echo clear >"$m" || return 1; done; }

# the log2 buckets of 1..N as bpftrace labels them, "label count" per line
# (busybox awk has no ^: powers of two by doubling)
log2_expected() {
	awk -v n="$1" 'function p(k,  v, i) { v = 1; for (i = 0; i < k % 10; i++) v *= 2
		return k >= 10 ? v substr("KMGTPE", int(k / 10), 1) : v }
	BEGIN {
		for (i = 1; i <= n; i++) { k = 0; for (v = 2; v <= i; v *= 2) k++; c[k]++ }
		for (k = 0; k in c; k++)
			if (k == 0) print "[1] " c[0]; else print "[" p(k) ", " p(k + 1) ") " c[k]
	}'
}
# linear buckets of 1..N for (min, max, step) = (0, 1000, 100): a bucket line
# from the first to the last non-empty bucket (none below 0 here)
linear_expected() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++) { b = i >= 1000 ? 10 : int(i / 100); c[b]++ }
		for (b = 0; b <= 10; b++) {
			if (b < 10) print "[" b * 100 ", " (b + 1) * 100 ") " c[b] + 0; else if (c[10]) print "[1000, ...) " c[10]
		}
	}'
}

NMAPS=$(ls $MAPS 2>/dev/null | grep -c '')
expect_eq "one file per map" "$NMAPS" 12

# 1. clear, with its control
echo 10 >$REPEAT
before=$(map_entries value_small)
if [ "$before" -ge 10 ]; then pass "maps non-empty before clear"; else
	fail "maps non-empty before clear" "value_small has $before entries after 10 calls"; fi
check "clear every map" clear_all
left=0
for m in $MAPS/*; do left=$((left + $(grep -c '^@' "$m"))); done
expect_eq "no entry left after clear" "$left" 0
expect_eq "clear: the header says 0 entries, 0 dropped" "$(map_header value_small)" \
	"# value_small: count, 0 entries, 0 dropped, capacity 100 per CPU"

# 2. one CPU, 1..N
N=1000
taskset 1 sh -c "echo $N >$REPEAT"
expect_eq "count" "$(map_value value_count)" $N
expect_eq "sum" "$(map_value value_sum)" $((N * (N + 1) / 2))
expect_eq "min" "$(map_value value_min)" 1
expect_eq "max" "$(map_value value_max)" $N
expect_eq "avg" "$(map_value value_avg)" $((N * (N + 1) / 2 / N))
sed 's/^/# /' $MAPS/value_log2
log2_expected $N >/tmp/maps.log2.want
map_buckets value_log2 >/tmp/maps.log2.got
expect_eq "log2 histogram buckets" "$(tr '\n' ';' </tmp/maps.log2.got)" "$(tr '\n' ';' </tmp/maps.log2.want)"
linear_expected $N >/tmp/maps.lin.want
map_buckets value_linear >/tmp/maps.lin.got
expect_eq "linear histogram buckets" "$(tr '\n' ';' </tmp/maps.lin.got)" "$(tr '\n' ';' </tmp/maps.lin.want)"
expect_eq "a full bar on the largest bucket" \
	"$(grep -c '|@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|$' $MAPS/value_log2)" 1
expect_eq "C macros: count by parity" "$(grep '^@' $MAPS/c_value_parity | tr '\n' ';')" \
	"@c_value_parity[0]: $((N / 2));@c_value_parity[1]: $((N - N / 2));"
map_buckets c_value_log2 >/tmp/maps.clog2.got
expect_eq "C macros: log2 histogram buckets" "$(tr '\n' ';' </tmp/maps.clog2.got)" "$(tr '\n' ';' </tmp/maps.log2.want)"
expect_eq "full map: entries and the exact number dropped" "$(map_header value_small)" \
	"# value_small: count, 100 entries, $((N - 100)) dropped, capacity 100 per CPU"
expect_eq "full map: every kept key counted once" "$(grep -c '^@value_small\[[0-9]*\]: 1$' $MAPS/value_small)" 100

# 3. two processes on two CPUs at once
check "clear every map (2)" clear_all
if [ "$(grep -c '^processor' /proc/cpuinfo)" -lt 2 ]; then
	fail "two CPUs" "the guest has $(grep -c '^processor' /proc/cpuinfo) CPU"
fi
N1=300 N2=700
taskset 1 sh -c "echo \$\$ >/tmp/maps.pid1; echo $N1 >$REPEAT" &
taskset 2 sh -c "echo \$\$ >/tmp/maps.pid2; echo $N2 >$REPEAT" &
wait
P1=$(cat /tmp/maps.pid1) P2=$(cat /tmp/maps.pid2)
sed 's/^/# /' $MAPS/calls_by_pid
expect_eq "count by pid: the first process" "$(sed -n "s/^@calls_by_pid\[$P1\]: //p" $MAPS/calls_by_pid)" $N1
expect_eq "count by pid: the second process" "$(sed -n "s/^@calls_by_pid\[$P2\]: //p" $MAPS/calls_by_pid)" $N2
expect_eq "count by pid: nothing else" "$(map_entries calls_by_pid)" 2
expect_eq "count by (comm, pid): sorted by value" "$(grep '^@' $MAPS/calls_by_comm_pid | tr '\n' ';')" \
	"@calls_by_comm_pid[sh, $P2]: $N2;@calls_by_comm_pid[sh, $P1]: $N1;"
expect_eq "count over both CPUs" "$(map_value value_count)" $((N1 + N2))
expect_eq "sum over both CPUs" "$(map_value value_sum)" $((N1 * (N1 + 1) / 2 + N2 * (N2 + 1) / 2))
expect_eq "max over both CPUs" "$(map_value value_max)" $N2
expect_eq "full tables on two CPUs: entries and drops" "$(map_header value_small)" \
	"# value_small: count, 100 entries, $((N1 - 100 + N2 - 100)) dropped, capacity 100 per CPU"
expect_eq "full tables on two CPUs: keys 1..100 counted on both" \
	"$(grep -c '^@value_small\[[0-9]*\]: 2$' $MAPS/value_small)" 100
if echo nonsense >$MAPS/value_count 2>/dev/null; then fail "a write other than clear is refused" "accepted"; else
	pass "a write other than clear is refused"; fi
expect_eq "a refused write clears nothing" "$(map_value value_count)" $((N1 + N2))

# examples/read_sizes.cpp (kp_examples.ko): dd reading 7 blocks of 3000
# bytes from /dev/zero asks vfs_read for 3000 bytes 7 times: 7 in [2K, 4K)
EX=/sys/kernel/debug/kp-kp_examples/maps
check "example maps: clear" sh -c "echo clear >$EX/read_bytes && echo clear >$EX/reads_by_pid"
dd if=/dev/zero of=/dev/null bs=3000 count=7 2>/dev/null
sed 's/^/# /' $EX/read_bytes | grep -A3 '@read_bytes\[dd\]'
expect_eq "example: dd's reads in the log2 histogram by comm" \
	"$(awk '/^@read_bytes\[dd\]:/ { on = 1; next } /^@/ { on = 0 } on && /^\[2K, 4K\)/ { print $3 }' $EX/read_bytes)" 7
