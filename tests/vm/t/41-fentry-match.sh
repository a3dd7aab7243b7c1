# fentry-match: kp::FentryMatch, one handler on every function a shell
# pattern matches, in kp_match.ko (tests/vm/match-probes/match.cpp): "chain"
# on kp_target_chain_? (with the argument), "outs" on kp_target_out*, a
# kp::Fentry by name ("value", kp_target_value) on the same ftrace_ops, an
# optional pattern matching nothing; and three load cases that must fail
# (each loaded alone, the others excluded): "too_many" (kp_target_* with
# kp::MaxMatches<2>), "nomatch" (required, matches nothing), "overlap" (a
# kp::Fentry on kp_target_chain_b, which "chain" has).
# Trigger: writes to /sys/kernel/debug/kp_target/{chain,out,repeat}.
# Expected, from the trigger and the kernel's own lists: the matched counts
# are available_filter_functions' counts for the same patterns; each chain
# write N calls a(N), b(N+1), c(N+2): one line per function per write, the
# address its /proc/kallsyms address and %pS its +0x0; status hits +3 per
# chain write, +3 per out call, +1 per repeat call; disabled: +0 while the
# other probes count; the failing loads: insmod fails with the errno, one
# line names the probe, the pattern and the count, enabled_functions as
# before (and changed while kp_match is loaded: the positive control).

MS=/sys/kernel/debug/kp-kp_match
KT=/sys/kernel/debug/kp_target
EF=/sys/kernel/tracing/enabled_functions
[ -r $EF ] || EF=/sys/kernel/debug/tracing/enabled_functions
AFF=/sys/kernel/tracing/available_filter_functions
[ -r $AFF ] || AFF=/sys/kernel/debug/tracing/available_filter_functions
ms_field() { awk -F'\t' -v n="$1" -v c="$2" '$3 == n { print $c }' $MS/probes; }
ms_kss() { awk -F'\t' -v n="$1" '$3 == n { print $2, $4, $5, $6 }' $MS/probes; }
ms_hits() { ms_field "$1" 7; }
ef_ours() { grep -E '^kp_target_(chain|out|value)' $EF | sort; }
aff_count() { grep -cE "^$1" $AFF; }
ksym() { awk -v s="$1" '$3 == s { print $1; exit }' /proc/kallsyms; }

MATCH_CASES="too_many nomatch overlap"
match_excluding() {
	_e=""
	for _c in $MATCH_CASES; do [ "$_c" = "$1" ] || _e="$_e${_e:+,}$_c"; done
	echo "$_e"
}
ef_before=$(ef_ours)
# match_case CASE ERRNO LINE-REGEX: kp_match.ko with only CASE of the failing ones
match_case() {
	load_fails "$1" kp_match "excluded=$(match_excluding "$1")" "the probe, the pattern and $2" "$3"
	expect_eq "$1: enabled_functions as before" "$(ef_ours)" "$ef_before"
	expect_not_loaded "$1: kp_match not loaded" kp_match kp_tests
}

n_all=$(aff_count 'kp_target_')
echo "# available_filter_functions: $n_all kp_target_ functions"
match_case too_many E2BIG "kp_match: fentry too_many register failed at kp_target_\\*: $n_all functions match, above the limit of 2 \\(kp::MaxMatches<N>\\): -E2BIG \\(tests/vm/match-probes/match\\.cpp:[0-9]+\\)\$"
match_case nomatch ENOENT 'kp_match: fentry nomatch register failed at kp_no_such_function_\*: no function matches: -ENOENT \(tests/vm/match-probes/match\.cpp:[0-9]+\)$'
match_case overlap EEXIST 'kp_match: fentry: kp_target_chain_b \[kp_target\] is in two entry probes, chain and overlap: -EEXIST'

# ---- the good load: the failing cases excluded ----
kmsg_mark "match load"
check "kp_match.ko loads (the failing cases excluded)" insmod /kp_match.ko excluded=too_many,nomatch,overlap
dmesg_since "match load" >/tmp/match.dmesg
expect_eq "register lines: the patterns with their counts" \
	"$(grep -cE 'kp_match: fentry register at (kp_target_chain_\?: 3|kp_target_out\*: 3) functions$' /tmp/match.dmesg)" 2
expect_eq "the kernel's list has 3 kp_target_chain_? and 3 kp_target_out* functions" \
	"$(aff_count 'kp_target_chain_. ') $(aff_count 'kp_target_out')" "3 3"
expect_eq "status: chain's kind, pattern, count, state" "$(ms_kss chain)" "fentry kp_target_chain_? 3 functions enabled"
expect_eq "status: outs's kind, pattern, count, state" "$(ms_kss outs)" "fentry kp_target_out* 3 functions enabled"
expect_eq "status: optional pattern matching nothing: skipped -ENOENT" \
	"$(ms_field nomatch_opt 2) $(ms_field nomatch_opt 4) $(ms_field nomatch_opt 6)" "fentry kp_no_such_other_* skipped -ENOENT"
check "its line says no function matches" grep -qE \
	'kp_match: optional fentry nomatch_opt skipped: register failed at kp_no_such_other_\*: no function matches: -ENOENT' /tmp/match.dmesg
if [ "$(ef_ours)" != "$ef_before" ]; then pass "enabled_functions changed while loaded (control)"; else
	fail "enabled_functions changed while loaded (control)" "the same $(ef_ours | wc -l) lines"; fi

# ---- chain: every function, its address, its argument ----
b=$(ms_hits chain)
kmsg_mark "match chain"
for n in 10 20 30; do echo $n >$KT/chain; done
dmesg_since "match chain" >/tmp/match.dmesg
expect_eq "3 chain writes: 3 kp_target_chain returned lines (the trigger ran)" \
	"$(grep -c 'kp_target: chain returned' /tmp/match.dmesg)" 3
for f in a b c; do
	addr=$(ksym kp_target_chain_$f)
	case $f in a) d=0 ;; b) d=1 ;; c) d=2 ;; esac
	want="$((10 + d)) $((20 + d)) $((30 + d))"
	got=$(sed -n "s/.*kp_match: chain: kp_target_chain_$f+0x0\\/0x[0-9a-f]* \\[kp_target\\] $addr v=\\([0-9-]*\\)\$/\\1/p" /tmp/match.dmesg | paste -sd ' ')
	expect_eq "kp_target_chain_$f: one line a call, its start (+0x0, the kallsyms address) and argument" "$got" "$want"
done
expect_eq "no other chain lines" "$(grep -c 'kp_match: chain:' /tmp/match.dmesg)" 9
expect_eq "status hits: +9 for 3 writes of 3 functions" "$(($(ms_hits chain) - b))" 9

# ---- counts, and control ----
bo=$(ms_hits outs) bv=$(ms_hits value)
echo 4 >$KT/out
echo 5 >$KT/repeat
expect_eq "outs: +12 for 4 calls of 3 functions; value (by name, same ops): +5" \
	"$(($(ms_hits outs) - bo)) $(($(ms_hits value) - bv))" "12 5"
echo "disable chain" >$MS/control
expect_eq "control: chain disabled" "$(ms_field chain 6)" disabled
b=$(ms_hits chain) bo=$(ms_hits outs)
kmsg_mark "match disabled"
echo 40 >$KT/chain
echo 2 >$KT/out
dmesg_since "match disabled" >/tmp/match.dmesg
expect_eq "disabled: chain +0 and no line while the chain ran and outs counted +6" \
	"$(($(ms_hits chain) - b)) $(grep -c 'kp_match: chain:' /tmp/match.dmesg) $(grep -c 'kp_target: chain returned' /tmp/match.dmesg) $(($(ms_hits outs) - bo))" \
	"0 0 1 6"
echo "enable chain" >$MS/control
b=$(ms_hits chain)
echo 50 >$KT/chain
expect_eq "enabled again: +3" "$(ms_field chain 6) $(($(ms_hits chain) - b))" "enabled 3"

kmsg_mark "match unload"
check "kp_match unloads" rmmod kp_match
dmesg_since "match unload" >/tmp/match.dmesg
expect_eq "unregister lines: the patterns with their counts" \
	"$(grep -cE 'kp_match: fentry unregister at (kp_target_chain_\?|kp_target_out\*): 3 functions$' /tmp/match.dmesg)" 2
expect_eq "enabled_functions as before after unload" "$(ef_ours)" "$ef_before"
