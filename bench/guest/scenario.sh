#!/bin/sh
# The guest side of the benchmark (tools/kbench bench), run as /scenario.sh
# by tests/vm/init.  Prints one line per measurement, parsed on the host
# (bench/report):
#
#   KP-BENCH hits hot=H variant=V round=R ns=X med=M wall=Y hits=N last=V want=W warm=W n=N k=K
#   KP-BENCH many kind=K variant=V round=R load_ms=X unload_ms=Y listed=N
#
# Phase "hits": per-hit cost.  Hot paths (bench/target, bench/guest):
# fn = kp_bench_fn(i, 7) called N times in the kernel, tp = the tracepoint
# kp_bench_hit(i, 7) fired N times, sys = umask(022) N times from here.  For
# each round, every hot path is run without a probe (base) and with each
# variant: the handwritten module (hand-*), the framework's (fw-*), the BPF
# programs (bpf-*); one warm-up run of N/10 first, then K measured runs of N
# (ns: the fastest of the K, the one least disturbed by the host's load
# under emulation; med: their median).
# The order is reversed every other round.  Phase "many": insmod/rmmod
# times of 1,000 kprobes / kretprobes, framework against handwritten one by
# one and handwritten batch (register_kprobes).  Phase "diag" adds
# diagnostic variants to "hits", phase "fentry" keeps only the variants on
# ftrace and what they are compared with (kprobe and kp::Fentry, kretprobe
# and kp::Fexit; in "many": kprobes, kp::Fentry and kp::FentryMatch).  Kernel command line:
# kp.bench=hits,many  kp.rounds=R  kp.mrounds=R  kp.n=N (fn, tp)  kp.nsys=N  kp.k=K
PHASES=hits,many ROUNDS=7 MROUNDS=1 N=200000 NSYS=100000 K=3
for arg in $(cat /proc/cmdline); do
	case $arg in
	kp.bench=*) PHASES=${arg#kp.bench=} ;;
	kp.rounds=*) ROUNDS=${arg#kp.rounds=} ;;
	kp.mrounds=*) MROUNDS=${arg#kp.mrounds=} ;;
	kp.n=*) N=${arg#kp.n=} ;;
	kp.nsys=*) NSYS=${arg#kp.nsys=} ;;
	kp.k=*) K=${arg#kp.k=} ;;
	esac
done
D=/sys/kernel/debug/kp_bench
TAG=7 UMASK=18
FAILS=0

# Kernel messages stay in the log, off the serial console: printing them
# there would be part of what insmod/rmmod are timed for.
dmesg -n 1
echo "KP-BENCH-BEGIN $(uname -r) $(uname -m) target=$KP_TARGET phases=$PHASES rounds=$ROUNDS n=$N nsys=$NSYS k=$K"
insmod /kp_bench_target.ko || { echo "KP-BENCH-ERROR insmod kp_bench_target.ko"; exit 1; }

field() { # NAME LINE: the value of NAME=... in LINE
	echo "$2" | sed -n "s/.*\\<$1=\\([^ ]*\\).*/\\1/p"
}

# The framework's hit count: the "hits" column of its status file
# (/sys/kernel/debug/kp-<module>/probes, tab-separated, a header line), "-"
# without one or where the column says "-" (the thunks count nothing).
fw_hits() {
	f=/sys/kernel/debug/kp-$1/probes
	[ -r "$f" ] || { echo -; return; }
	awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "hits") c = i; next }
	     c && NF >= c { print $c; exit }' "$f"
}

# The trigger of hot path H: K runs of N calls; prints the driver's line.
trigger() { # H N K
	eval "$(trigger_cmd "$@")"
}

# One measurement: V on hot path H in round R.
measure() { # H V R
	h=$1 v=$2 r=$3 n=$N want=$((N + TAG)) hits=- last=- out=
	[ "$h" = sys ] && { n=$NSYS want=$UMASK; }
	warm=$((n / 10))
	run="trigger $h $warm 1 >/dev/null; trigger $h $n $K"
	case $v in
	base)
		out=$(eval "$run") want=- ;;
	hand-*)
		# hand-KIND+heap: the diagnostic heap=1 (kp_bench_hand.c)
		p=${v#hand-}
		case $p in *+heap) p="probe=${p%+heap} heap=1" ;; *) p=probe=$p ;; esac
		insmod /kp_bench_hand.ko $p || { echo "KP-BENCH-ERROR insmod $v"; FAILS=$((FAILS + 1)); return; }
		out=$(eval "$run")
		hits=$(cat /sys/module/kp_bench_hand/parameters/hits)
		last=$(cat /sys/module/kp_bench_hand/parameters/last)
		rmmod kp_bench_hand ;;
	fw-*)
		m=kp_bench_fw_${v#fw-}
		insmod /$m.ko || { echo "KP-BENCH-ERROR insmod $v"; FAILS=$((FAILS + 1)); return; }
		out=$(eval "$run")
		hits=$(fw_hits $m)
		last=$(cat /sys/module/$m/parameters/last)
		rmmod $m ;;
	bpf-*)
		# kp_bpf runs the two triggers; its own line comes last
		rc=0
		out=$(kp_bpf "${v#bpf-}" sh -c "$(trigger_cmd "$h" $warm 1) >/dev/null; $(trigger_cmd "$h" $n $K)" 2>&1) || rc=$?
		case $rc in
		0) ;;
		3) echo "KP-BENCH skip hot=$h variant=$v round=$r: $(echo "$out" | tail -n 1)"; return ;;
		*) echo "KP-BENCH-ERROR $v: $out"; FAILS=$((FAILS + 1)); return ;;
		esac
		hits=$(field hits "$out") last=$(field last "$out")
		out=$(echo "$out" | grep '^ns=') ;;
	esac
	[ -n "$out" ] || { echo "KP-BENCH-ERROR $h $v: no result"; FAILS=$((FAILS + 1)); return; }
	echo "KP-BENCH hits hot=$h variant=$v round=$r ns=$(field ns "$out") med=$(field med "$out") wall=$(field wall_ns "$out") hits=$hits last=$last want=$want warm=$warm n=$n k=$K"
}

trigger_cmd() { # H N K: the trigger's command line (kp_bpf runs it through sh -c)
	case $1 in
	fn) echo "kp_bench call $D/call $2 $3" ;;
	tp) echo "kp_bench call $D/tp $2 $3" ;;
	sys) echo "kp_bench syscall $2 $3" ;;
	esac
}

# hot path and variant pairs of one round, in order
PLAN="fn:base fn:hand-kprobe fn:fw-kprobe fn:bpf-kprobe_fn fn:bpf-fentry_fn fn:fw-fentry
fn:hand-kretprobe fn:fw-kretprobe fn:bpf-kretprobe_fn fn:bpf-fexit_fn fn:fw-fexit
tp:base tp:hand-tp tp:fw-tp tp:bpf-raw_tp_hit tp:bpf-tp_hit
sys:base sys:hand-sys sys:fw-sys sys:bpf-ksyscall_umask sys:bpf-fentry_umask"
# phase "diag" (with "hits"): also the handwritten kprobes with kzalloc'd
# structs, as the framework's core allocates them (a diagnostic)
case ,$PHASES, in *,diag,*) PLAN="$PLAN fn:hand-kprobe+heap fn:hand-kretprobe+heap" ;; esac
# phase "fentry" (with "hits" or "many"): only what kp::Fentry and kp::Fexit
# are compared with, the kprobes and kretprobes on the same function (a
# shorter run)
case ,$PHASES, in *,fentry,*) PLAN="fn:base fn:hand-kprobe fn:fw-kprobe fn:fw-fentry fn:bpf-fentry_fn
fn:hand-kretprobe fn:fw-kretprobe fn:fw-fexit fn:bpf-fexit_fn" ;; esac

case ,$PHASES, in *,hits,*)
	r=1
	while [ $r -le "$ROUNDS" ]; do
		plan=$PLAN
		[ $((r % 2)) = 0 ] && plan=$(echo "$PLAN" | tr ' ' '\n' | sed '1!G;h;$!d')
		for p in $plan; do
			measure "${p%%:*}" "${p#*:}" $r
		done
		r=$((r + 1))
	done ;;
esac

klist() { wc -l </sys/kernel/debug/kprobes/list; }

# One load/unload of a 1,000-probe module: VARIANT KIND ROUND MODULE [PARAMS]
many() {
	v=$1 k=$2 r=$3 m=$4; shift 4
	lo=$(kp_bench time insmod /$m.ko "$@")
	listed=$(($(klist) - base_listed))
	un=$(kp_bench time rmmod $m)
	[ "$(field rc "$lo")" = 0 ] && [ "$(field rc "$un")" = 0 ] ||
		{ echo "KP-BENCH-ERROR many $v $k: insmod $lo rmmod $un"; FAILS=$((FAILS + 1)); }
	echo "KP-BENCH many kind=$k variant=$v round=$r load_ms=$(field ms "$lo") unload_ms=$(field ms "$un") listed=$listed"
}

case ,$PHASES, in *,many,*)
	base_listed=$(klist)
	# Untimed warm-up: the first kprobe on each of the 1,000 functions in a
	# boot costs more than later ones, whoever registers it (arm64 6.12,
	# -icount: 1,079 ms for the first 1,000 register_kprobe() calls, 684 ms
	# for the same 1,000 right after, in one module init); without this the
	# variant measured first paid it alone.
	insmod /kp_bench_hand_many.ko kind=kprobe batch=1 && rmmod kp_bench_hand_many ||
		{ echo "KP-BENCH-ERROR many warm-up"; FAILS=$((FAILS + 1)); }
	r=1
	while [ $r -le "$MROUNDS" ]; do
		kinds="kprobe kretprobe"
		case ,$PHASES, in *,fentry,*) kinds=kprobe ;; esac
		for k in $kinds; do
			many fw $k $r kp_bench_fw_many_$k
			many hand-one $k $r kp_bench_hand_many kind=$k batch=0
			many hand-batch $k $r kp_bench_hand_many kind=$k batch=1
		done
		many fw fentry $r kp_bench_fw_many_fentry
		# the same 1,000 functions by one pattern (kp::FentryMatch)
		many fw pattern $r kp_bench_fw_many_pattern
		r=$((r + 1))
	done ;;
esac

rmmod kp_bench_target
echo "KP-BENCH-END fails=$FAILS"
echo "KP-DMESG-BEGIN"
dmesg
echo "KP-DMESG-END"
[ "$FAILS" = 0 ]
