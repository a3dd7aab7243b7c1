# status: kp_tests.ko's status and control files,
# /sys/kernel/debug/kp-kp_tests/{probes,control}: tab-separated status lines
# (index kind name symbol address state hits missed maxactive), commands
# "enable|disable NAME|INDEX|all".  Probes: tests/vm/probes/status.cpp (C++,
# named status_*) and status_c.c (the seed's C macros, named
# kprobe:kp_target_value and kretprobe:kp_target_value) on kp_target_value()
# and the tracepoint kp_target_hit.  Trigger: a write of 5 to kp_target's
# repeat file calls kp_target_value and fires kp_target_hit exactly 5 times;
# two concurrent sleeps on the MaxActive<1> kretprobe on hrtimer_nanosleep.
# Expected: the header; every registered probe listed in registration order
# with the kind and symbol of its register line; hits +5 per probe, +0 on a
# disabled probe while another probe on the same function or tracepoint
# counts +5 in the same run; bad control input rejected with one line and
# no state change; the optional probe on a missing symbol "skipped -ENOENT";
# missed > 0 and maxactive 1 before unload; the default maxactive
# max(15, 6 * possible CPUs).

ST=/sys/kernel/debug/kp-kp_tests
REPEAT=/sys/kernel/debug/kp_target/repeat
TAB=$(printf '\t')

# column $2 (1-based) of the status line of the probe named $1
st_field() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $ST/probes; }
# "kind symbol state" of the probe named $1
st_kss() { awk -F'\t' -v n="$1" '$3 == n { print $2, $4, $6 }' $ST/probes; }
# every probe's name=state, one line
st_states() { awk -F'\t' 'NR > 1 { printf "%s=%s;", $3, $6 }' $ST/probes; }
# "name hits" of every probe into file $1; hits of $2 between files $3 and $4
st_snap() { awk -F'\t' 'NR > 1 { print $3, $7 }' $ST/probes >"$1"; }
st_delta() { awk -v n="$1" 'FNR == NR { if ($1 == n) b = $2; next } $1 == n { print $2 - b }' "$2" "$3"; }
# hits of every probe before and after 5 calls: /tmp/st.before, /tmp/st.after
repeat5() {
	st_snap /tmp/st.before
	echo 5 >$REPEAT
	st_snap /tmp/st.after
}
ctl() { echo "$1" >$ST/control 2>/dev/null; }

check "status and control files exist" test -r $ST/probes -a -w $ST/control
sed 's/^/# /' $ST/probes
expect_eq "the header names the columns" "$(head -1 $ST/probes)" \
	"index${TAB}kind${TAB}name${TAB}symbol${TAB}address${TAB}state${TAB}hits${TAB}missed${TAB}maxactive"

# every registered probe, in registration order, as its register line says
# (t/10-load.sh loaded kp_tests once)
awk -F'\t' 'NR > 1 && ($6 == "enabled" || $6 == "disabled") {
	s = $4; sub(/\+0x[0-9a-f]+$/, "", s); if ($2 == "tracepoint") s = "trace_" s; print $2, s }' \
	$ST/probes >/tmp/st.reg
dmesg | reg_lines kp_tests register >/tmp/tests.reg
if [ "$(grep -c '' /tmp/tests.reg)" -gt 5 ] && cmp -s /tmp/st.reg /tmp/tests.reg; then
	pass "every registered probe listed in order, with its kind and symbol"
else
	fail "every registered probe listed in order, with its kind and symbol" \
		"status [$(tr '\n' ',' </tmp/st.reg)] register lines [$(tr '\n' ',' </tmp/tests.reg)]"
fi
expect_eq "C++ kprobe: kind, symbol, state" "$(st_kss status_value)" "kprobe kp_target_value+0x0 enabled"
expect_eq "C++ kretprobe: kind, symbol, state" "$(st_kss status_value_ret)" \
	"kretprobe kp_target_value+0x0 enabled"
expect_eq "C++ tracepoint: kind, symbol, state" "$(st_kss status_hit)" "tracepoint kp_target_hit enabled"
expect_eq "C macro kprobe: derived name, kind, symbol, state" "$(st_kss kprobe:kp_target_value)" \
	"kprobe kp_target_value+0x0 enabled"
expect_eq "C macro kretprobe: derived name, kind, symbol, state" \
	"$(st_kss kretprobe:kp_target_value)" "kretprobe kp_target_value+0x0 enabled"
case $(st_field status_value 5) in
kp_target_value+0x*/0x*" [kp_target]") pass "resolved address of a module function" ;;
*) fail "resolved address of a module function" "address column: $(st_field status_value 5)" ;;
esac
expect_eq "columns that do not apply are -" \
	"$(st_field status_value 9) $(st_field status_hit 8) $(st_field status_hit 9)" "- - -"

# optional: the probe on a missing symbol is skipped, the module loaded
expect_eq "optional probe on a missing symbol: skipped -ENOENT, no address" \
	"$(st_kss status_missing) $(st_field status_missing 5)" \
	"kprobe kp_no_such_function_optional+0x0 skipped -ENOENT -"
expect_line "optional probe skipped with one line: name, symbol, errno" \
	'kp_tests: optional kprobe status_missing skipped: register failed at kp_no_such_function_optional\+0x0: -ENOENT \(tests/vm/probes/status\.cpp:[0-9]+\)$'

# hits: exactly 5 more on every probe of the 5 calls
OTHER_TP=$(awk -F'\t' '$2 == "tracepoint" && $4 == "kp_target_hit" && $3 != "status_hit" { print $3 }' \
	$ST/probes | head -1)
repeat5
for p in status_value status_value_ret status_hit kprobe:kp_target_value kretprobe:kp_target_value; do
	expect_eq "hits +5 after 5 calls: $p" "$(st_delta $p /tmp/st.before /tmp/st.after)" 5
done
expect_eq "hits +5 after 5 calls: kp_target.cpp's tracepoint probe" \
	"$(st_delta "$OTHER_TP" /tmp/st.before /tmp/st.after)" 5

# disable / enable a kprobe by name
check "control: disable status_value" ctl "disable status_value"
expect_eq "disabled kprobe shown disabled" "$(st_field status_value 6)" disabled
expect_eq "the kernel's kprobes list marks one probe on kp_target_value disabled" \
	"$(grep -c 'kp_target_value+.*\[DISABLED\]' $KLIST)" 1
repeat5
expect_eq "disabled kprobe: no hits" "$(st_delta status_value /tmp/st.before /tmp/st.after)" 0
expect_eq "the same calls counted by the C kprobe on the function (control)" \
	"$(st_delta kprobe:kp_target_value /tmp/st.before /tmp/st.after)" 5
check "control: enable status_value" ctl "enable status_value"
repeat5
expect_eq "enabled again: hits +5" "$(st_delta status_value /tmp/st.before /tmp/st.after)" 5
expect_eq "enabled again: no probe on kp_target_value marked disabled" \
	"$(grep -c 'kp_target_value+.*\[DISABLED\]' $KLIST)" 0

# a kretprobe by index
idx=$(st_field status_value_ret 1)
check "control: disable a kretprobe by index" ctl "disable $idx"
expect_eq "disabled kretprobe shown disabled" "$(st_field status_value_ret 6)" disabled
repeat5
expect_eq "disabled kretprobe: no hits" "$(st_delta status_value_ret /tmp/st.before /tmp/st.after)" 0
expect_eq "the same returns counted by the C kretprobe (control)" \
	"$(st_delta kretprobe:kp_target_value /tmp/st.before /tmp/st.after)" 5
check "control: enable a kretprobe by index" ctl "enable $idx"
repeat5
expect_eq "kretprobe enabled again: hits +5" \
	"$(st_delta status_value_ret /tmp/st.before /tmp/st.after)" 5

# a tracepoint probe: unregistered from the tracepoint, registered again
check "control: disable a tracepoint probe" ctl "disable status_hit"
expect_eq "disabled tracepoint probe shown disabled" "$(st_field status_hit 6)" disabled
repeat5
expect_eq "disabled tracepoint probe: not called" "$(st_delta status_hit /tmp/st.before /tmp/st.after)" 0
expect_eq "the tracepoint fired: another probe on it counted 5 (control)" \
	"$(st_delta "$OTHER_TP" /tmp/st.before /tmp/st.after)" 5
check "control: enable a tracepoint probe" ctl "enable status_hit"
repeat5
expect_eq "tracepoint probe enabled again: hits +5" \
	"$(st_delta status_hit /tmp/st.before /tmp/st.after)" 5

# all
states=$(st_states)
check "control: disable all" ctl "disable all"
expect_eq "disable all: no probe left enabled" "$(awk -F'\t' 'NR > 1 && $6 == "enabled"' $ST/probes | grep -c '')" 0
repeat5
expect_eq "disable all: no hits on any probe" \
	"$(awk 'FNR == NR { b[$1] = $2; next } $2 != b[$1] && $2 != "-"' /tmp/st.before /tmp/st.after | grep -c '')" 0
check "control: enable all" ctl "enable all"
expect_eq "enable all: every state as before" "$(st_states)" "$states"
repeat5
expect_eq "enable all: hits +5 again" "$(st_delta status_value /tmp/st.before /tmp/st.after)" 5

# bad input: rejected, one line saying why, no state change (the commands
# above are the positive control: the same writes change the state)
states=$(st_states)
long="disable $(printf '%0300d' 0)"
i=0
while IFS='|' read -r label cmd want; do
	i=$((i + 1))
	[ "$cmd" = LONG ] && cmd=$long
	kmsg_mark "status bad $i"
	if ctl "$cmd"; then fail "bad input rejected: $label" "accepted: $cmd"; else
		pass "bad input rejected: $label"; fi
	dmesg_since "status bad $i" | grep 'kp_tests: control: ' >/tmp/st.why
	if [ "$(grep -c '' /tmp/st.why)" = 1 ] && grep -qF "$want" /tmp/st.why; then
		pass "one line says why: $label"
	else
		fail "one line says why: $label" "want '$want', got: $(cat /tmp/st.why)"
	fi
	expect_eq "state unchanged: $label" "$(st_states)" "$states"
done <<EOT
unknown_probe|disable no_such_probe|no probe is named "no_such_probe"
unknown_command|pause status_value|unknown command "pause"
index_out_of_range|enable 9999|no probe has index 9999
overlong_line|LONG|command too long (309 bytes, at most 255)
skipped_probe|enable status_missing|"status_missing" is skipped: it is not registered
no_probe_given|disable|disable needs a probe
EOT

# kretprobe missed counts and maxactive, before unload
sleep 1 &
sleep 1 &
wait
nano=$(awk -F'\t' '$2 == "kretprobe" && $4 == "hrtimer_nanosleep+0x0"' $ST/probes)
expect_eq "MaxActive<1> shown as maxactive 1" "$(echo "$nano" | cut -f9)" 1
missed=$(echo "$nano" | cut -f8)
if [ "$missed" -gt 0 ] 2>/dev/null; then pass "kretprobe missed count visible before unload"; else
	fail "kretprobe missed count visible before unload" "missed column: '$missed'"; fi
ncpu=$(awk -F, '{ n = 0; for (i = 1; i <= NF; i++) { k = split($i, r, "-"); n += k == 2 ? r[2] - r[1] + 1 : 1 } print n }' \
	/sys/devices/system/cpu/possible)
want=$((6 * ncpu))
[ "$want" -lt 15 ] && want=15
expect_eq "default maxactive max(15, 6 * possible CPUs)" "$(st_field status_value_ret 9)" "$want"
