#!/usr/bin/env bash
# tests/tools/kp-run.sh: `tools/kp run`, from probe files to output in one
# command.  Checks, each comparing what the command printed:
#  - --vm amd64-6.12-llvm and --vm arm64-6.1-gcc, examples/open.cpp, 5 s, a
#    workload writing /tmp/kp-run-test: exit 0; the probe's own line for that
#    file (decoded filename); the status table with a hit count > 0; the
#    verdict "N kprobe(s) registered while loaded, 0 left" with N = 1;
#  - a probe file with a type error: exit non-zero, the compiler's error
#    naming the parameter, and its line naming that file;
#  - Ctrl-C (SIGINT to tools/kp) during a 300 s run: the guest's console log
#    shows the stop request and the unload with 0 kprobes left; exit 0, in
#    far less than 300 s;
#  - --kernel running on this machine: exactly one line, "kp: ...", exit
#    non-zero; and with sample files for the kernel's state, the lockdown
#    line.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export KP_OUT=${KP_OUT:-${XDG_CACHE_HOME:-$HOME/.cache}/kprobe-template/kp-run-test}
work=$(mktemp -d /tmp/kp-run-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }
expect() { # name file regex
	if grep -qE -- "$3" "$2"; then ok "$1"; else bad "$1: no line matches /$3/ in:"; sed 's/^/    /' "$2" | tail -n 30; fi
}

for target in amd64-6.12-llvm arm64-6.1-gcc; do
	out=$work/$target.out
	"$root/tools/kp" run --vm "$target" --duration 5 \
		--workload 'echo x >/tmp/kp-run-test; sleep 0.2' "$root/examples/open.cpp" >"$out" 2>&1
	rc=$?
	[[ $rc == 0 ]] && ok "$target: exit 0" || bad "$target: exit $rc"
	expect "$target: the probe's line for the workload's file" "$out" '^\[log\] open: comm=sh pid=[0-9]+ dfd=-100 filename=/tmp/kp-run-test flags=0x[0-9a-f]+ mode=0666$'
	expect "$target: the status table with hits" "$out" $'^0\tkprobe\t[^\t]*open.cpp:[0-9]+\tdo_sys_openat2\\+0x0\t[^\t]+\tenabled\t[1-9][0-9]*\t'
	expect "$target: unloaded, 1 kprobe registered, 0 left" "$out" '^unloaded kprobes: 1 kprobe\(s\) registered while loaded, 0 left$'
done

# a compile error: the compiler's message, a non-zero exit
cat >"$work/broken.cpp" <<'CPP'
#include "kp.hpp"
static void on_read(int fd) { kp_printk("%d\n", fd); }
KP_PROBE(kp::Kprobe<"vfs_read", kp::Args<const char *>>, on_read);
CPP
"$root/tools/kp" run --vm amd64-6.12-llvm --duration 1 "$work/broken.cpp" >"$work/broken.out" 2>&1
rc=$?
[[ $rc != 0 ]] && ok "compile error: exit $rc" || bad "compile error: exit 0"
expect "compile error: the compiler's error, naming the parameter" "$work/broken.out" ': error: .*kprobe_handler_parameter<1>::is_declared_as<const char \*>::but_the_handler_takes<int>'
expect "compile error: the line of the probe file it comes from" "$work/broken.out" '^broken\.cpp:3:[0-9]+: '

# Ctrl-C: the guest unloads the module and the run ends
log=$KP_OUT/logs/amd64-6.12-llvm.log
# job control: a background job of a script ignores SIGINT otherwise, as
# the shell's own background jobs do; tools/kp in a terminal gets it
set -m
"$root/tools/kp" run --vm amd64-6.12-llvm --duration 300 "$root/examples/open.cpp" >"$work/int.out" 2>&1 &
pid=$!
set +m
start=$SECONDS
for ((i = 0; i < 600; i++)); do
	grep -q '^loaded kprobes.ko' "$work/int.out" 2>/dev/null && break
	sleep 1
done
kill -INT "$pid"
wait "$pid"
rc=$?
took=$((SECONDS - start))
[[ $rc == 0 ]] && ok "Ctrl-C: exit 0" || bad "Ctrl-C: exit $rc"
((took < 200)) && ok "Ctrl-C: the run ended early (${took}s of 300)" || bad "Ctrl-C: the run took ${took}s"
tr -d '\r' <"$log" >"$work/int.console"
expect "Ctrl-C: the guest saw the stop request" "$work/int.console" '^kp\| stop requested: unloading$'
expect "Ctrl-C: the guest unloaded the module, 0 kprobes left" "$work/int.console" '^kp\| unloaded kprobes: 1 kprobe\(s\) registered while loaded, 0 left$'

# this machine's kernel: one line saying what is missing
"$root/tools/kp" run --kernel running "$root/examples/open.cpp" >"$work/host.out" 2>&1
rc=$?
lines=$(wc -l <"$work/host.out")
[[ $rc != 0 && $lines == 1 ]] && grep -q '^kp: ' "$work/host.out" &&
	ok "running kernel: one line, exit $rc: $(cat "$work/host.out")" ||
	bad "running kernel: exit $rc, $lines line(s): $(cat "$work/host.out")"
eval "$("$root/tools/kbench" fetch amd64-6.12-gcc)"
echo 'none [integrity] confidentiality' >"$work/lockdown"
KP_PROC_MODULES=/proc/self/status KDIR=$KDIR KP_LOCKDOWN_FILE=$work/lockdown \
	"$root/tools/kp" run "$root/examples/open.cpp" >"$work/lock.out" 2>&1
expect "a locked-down kernel: what to sign with" "$work/lock.out" '^kp: the kernel is locked down \(\[integrity\]\): sign the module with a key the kernel trusts: KP_SIGN_KEY=key.pem KP_SIGN_CERT=cert.pem '
exit $fail
