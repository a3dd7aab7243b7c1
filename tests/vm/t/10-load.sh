# load: kp_target.ko (functions to probe), kp_examples.ko (examples/) and
# kp_tests.ko (tests/vm/probes) load; the registration lines have the seed's
# format; probes register in declaration order within a file and in link
# order (file names sorted) across files; the kprobes are in the kernel's
# kprobes list.  Later feature files rely on these modules being loaded.

check "insmod kp_target.ko" insmod /kp_target.ko
check "insmod kp_examples.ko" insmod /kp_examples.ko
check "insmod kp_tests.ko" insmod /kp_tests.ko
expect_line "seed format: kprobe register at" \
	'kp_examples: kprobe register at do_sys_openat2\+0x[0-9a-f]+/0x[0-9a-f]+$'
expect_line "seed format: kretprobe register at" \
	'kp_examples: kretprobe register at inode_permission\+0x[0-9a-f]+/0x[0-9a-f]+$'
expect_line "seed format: tracepoint register at" \
	'kp_examples: tracepoint register at trace_signal_generate$'
dmesg | reg_lines kp_examples register >/tmp/examples.reg
# examples/syscall_openat.cpp declares the kprobe before the kretprobe
# (g++ emits a file's registry entries reversed: the registry reorders them)
order=$(grep -n "${SYS}openat" /tmp/examples.reg | tr '\n' ' ')
case $order in
[0-9]*:kprobe\ *\ [0-9]*:kretprobe\ *) pass "declaration order kept within a file" ;;
*) fail "declaration order kept within a file" "syscall_openat.cpp registered as: $order" ;;
esac
# link order across files: examples/ sorted by name, close.cpp first
expect_eq "link order across files: close.cpp first" \
	"$(head -1 /tmp/examples.reg | sed 's/^kprobe file_close_fd$/kprobe close_fd/')" "kprobe close_fd"
# the positive control of every "nothing left in the kprobes list" check:
# the same klist_count sees the probes of the loaded modules
n=$(klist_count)
if [ "$n" -gt 0 ] 2>/dev/null; then pass "kprobes list shows the loaded probes"; else
	fail "kprobes list shows the loaded probes" "klist_count=$n"; fi
check "do_sys_openat2 in the kprobes list" grep -q 'do_sys_openat2' $KLIST
check "kp_target_many (a module function) in the kprobes list" grep -q 'kp_target_many' $KLIST
KLIST_LOADED=$n
