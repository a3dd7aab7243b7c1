# tests/vm/lib.sh: the guest's test library (POSIX sh, busybox), sourced by
# tests/vm/scenario.sh before the feature files tests/vm/t/*.sh.
#
# Every check is one KTAP result line, "ok N FEATURE: NAME" or
# "not ok N FEATURE: NAME # reason", with diagnostic "# ..." lines before a
# failure.  FEATURE is the feature file's name (t/30-kprobe.sh -> kprobe);
# NAME is a fixed string (no values in it), so results compare across runs.
#
#   pass NAME | fail NAME REASON     record a result
#   check NAME CMD...                 ok if CMD exits 0 (its output is the reason otherwise)
#   expect_eq NAME GOT WANT           ok if the two strings are equal
#   expect_line NAME REGEX            ok if some dmesg line matches the extended REGEX
#   expect_not_loaded NAME MOD CTL    ok if lsmod shows no MOD, after the same lsmod
#                                     showed CTL (a module loaded now: the control)
#   registered_lines MOD FILE         "MOD: <kind> register at" lines in FILE
#   value KEY TEXT                    the value of KEY=... in TEXT
#   klist_count [FILE]                lines in the kprobes list (debugfs files report size 0)
#   bad_lines                         stdin lines matching tests/vm/bad-patterns
#   signal_child                      this shell ($$) sends SIGUSR1 (10) to a child
#                                     sleep; its pid in SIGNAL_TARGET

KTAP_N=0
KTAP_FAILS=0
FEATURE=scenario
KLIST=/sys/kernel/debug/kprobes/list
BAD_RE=$(grep -v '^#' /bad-patterns | grep -v '^$' | paste -sd '|')

ktap_name() { printf '%s: %s' "$FEATURE" "$1" | tr '#\n' '_ '; }
pass() {
	KTAP_N=$((KTAP_N + 1))
	echo "ok $KTAP_N $(ktap_name "$1")"
}
fail() {
	KTAP_N=$((KTAP_N + 1))
	KTAP_FAILS=$((KTAP_FAILS + 1))
	printf '%s\n' "$2" | head -8 | sed 's/^/# /'
	echo "not ok $KTAP_N $(ktap_name "$1") # $(printf '%s' "$2" | head -1 | cut -c1-200 | tr '#' '_')"
}
check() {
	_n=$1
	shift
	if _out=$("$@" 2>&1); then pass "$_n"; else fail "$_n" "failed: $* ${_out:+: $_out}"; fi
}
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}
expect_line() {
	if dmesg | grep -qE -- "$2"; then pass "$1"; else fail "$1" "no dmesg line matches: $2"; fi
}
expect_not_loaded() {
	lsmod >/tmp/lsmod.now
	if ! grep -q "^$3 " /tmp/lsmod.now; then
		fail "$1" "lsmod does not show $3 either: the check cannot see modules"
	elif grep -q "^$2 " /tmp/lsmod.now; then
		fail "$1" "lsmod shows $2"
	else
		pass "$1"
	fi
}
registered_lines() { grep -cE "$1: (kprobe|kretprobe|tracepoint|fentry) register at" "$2"; }
value() { echo " $2" | tr '\n' ' ' | sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p"; }
klist_count() { grep -c '' "${1:-$KLIST}"; }
bad_lines() { grep -aE -- "$BAD_RE"; }
signal_child() {
	sleep 60 &
	SIGNAL_TARGET=$!
	kill -USR1 $SIGNAL_TARGET
	wait $SIGNAL_TARGET 2>/dev/null
}

# registration lines of module $1 ("register" or "unregister" as $2) on
# stdin, in order: "kind symbol" (offsets dropped)
reg_lines() { sed -n "s/.*$1: \\(kprobe\\|kretprobe\\|tracepoint\\|fentry\\|fexit\\) $2 at \\([^+ ]*\\).*/\\1 \\2/p"; }
reverse() { awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }'; }

ARCH=$(uname -m)
case $ARCH in
x86_64) O_LARGEFILE_HEX=0x8000 SYS=__x64_sys_ ;;
aarch64) O_LARGEFILE_HEX=0x20000 SYS=__arm64_sys_ ;;
esac

# probe functions of our modules on kp_target_hit and signal_generate, as the
# kernel holds them (kp_target's tp_probes file)
tp_probes_ours() { grep -cE '\[(kp_tests|kp_examples|kp_linger)\]$' /sys/kernel/debug/kp_target/tp_probes; }

# kmsg_mark NAME: a marker line in the kernel log; dmesg_since NAME: the
# kernel log after the last such marker (what one step of a check logged)
kmsg_mark() { echo "<6>kp-mark: $1" >/dev/kmsg; }
dmesg_since() {
	dmesg >/tmp/dmesg.since
	_l=$(grep -nF "kp-mark: $1" /tmp/dmesg.since | tail -1 | cut -d: -f1)
	tail -n +$((${_l:-0} + 1)) /tmp/dmesg.since
}

# load_fails CASE MODULE PARAM WHAT LINE-REGEX: insmod /MODULE.ko PARAM must
# fail with a kernel log line matching LINE-REGEX; two checks, "CASE: insmod
# fails" and "CASE: one line names WHAT"; the attempt's log in /tmp/load.dmesg
load_fails() {
	kmsg_mark "load $2 $1"
	if insmod "/$2.ko" "$3" >/tmp/load.err 2>&1; then
		fail "$1: insmod fails" "$2.ko loaded"
		rmmod "$2"
	else
		pass "$1: insmod fails"
	fi
	dmesg_since "load $2 $1" >/tmp/load.dmesg
	if grep -qE -- "$5" /tmp/load.dmesg; then
		grep -E -m1 -- "$5" /tmp/load.dmesg | sed 's/^/# /'
		pass "$1: one line names $4"
	else
		fail "$1: one line names $4" \
			"no line matches $5; insmod said: $(cat /tmp/load.err); $2 said: $(grep "$2" /tmp/load.dmesg | head -4)"
	fi
}
