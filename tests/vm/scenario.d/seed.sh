# tests/vm/scenario.d/seed.sh: the seed's C macro API (framework/kprobe.h),
# probes/seed_*.c in kprobes.ko.  POSIX sh (busybox), sourced by
# tests/vm/scenario.sh after kprobes.ko is loaded and the scenario's activity
# ran.  Uses $GUEST_PID_OPEN, $GUEST_PID_CLOSE, $SIGNAL_PID, $ARCH,
# $O_LARGEFILE_HEX, expect_line and fail; runs kp_guest for further calls
# with known arguments and results.  Every check compares values.

# seed_val KEY TEXT: the value of KEY=... in TEXT
seed_val() { echo " $2" | tr '\n' ' ' | sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p"; }
# seed_open_guest PATH FLAGS MODE: runs kp_guest open; sets seed_pid, seed_fd, seed_errno
seed_open_guest() {
	seed_out=$(kp_guest open "$1" "$2" "$3")
	seed_pid=$(seed_val pid "$seed_out") seed_fd=$(seed_val fd "$seed_out")
	seed_errno=$(seed_val errno "$seed_out")
	[ -n "$seed_pid" ] || fail "seed: kp_guest open $1: '$seed_out'"
}
seed_hex() { printf '0x%x' $(($1)); }

case $ARCH in
x86_64) seed_off=0x5 ;;
*) seed_off=0x8 ;;
esac

# ---- registration: the C descriptors went through the core -------------------
expect_line "kprobes: kprobe register at do_sys_openat2\\+$seed_off/0x[0-9a-f]+\$" \
	"seed: KPROBE_HANDLER_DEFINE_OFFSET registered at do_sys_openat2+$seed_off"
expect_line 'kprobes: kprobe register at shmem_create\+0x[0-9a-f]+/0x[0-9a-f]+$' \
	"seed: KPROBE_HANDLER_DEFINE5 (bool argument) registered"
expect_line 'kprobes: kretprobe register at (close_fd|file_close_fd)\+0x[0-9a-f]+/0x[0-9a-f]+$' \
	"seed: kretprobe next to a kprobe on the same function registered"

# ---- the scenario's activity ---------------------------------------------------
expect_line "kprobes: seed_open: comm=kp_guest pid=$GUEST_PID_OPEN dfd=-100 filename=/tmp/kp-open-test flags=$(seed_hex "0x241 | $O_LARGEFILE_HEX") mode=0640\$" \
	"seed KPROBE_HANDLER_DEFINE3 do_sys_openat2: dfd, filename, flags, mode"
expect_line "kprobes: seed_offset: comm=kp_guest pid=$GUEST_PID_OPEN off=$seed_off dfd=-100 filename=/tmp/kp-open-test\$" \
	"seed KPROBE_HANDLER_DEFINE_OFFSET: argument registers through the arch table"
expect_line "kprobes: seed_close: comm=kp_guest pid=$GUEST_PID_CLOSE fd=42\$" \
	"seed KPROBE_HANDLER_DEFINE1 close: the fd"
# defect 2: a kprobe and a kretprobe on one function in one file, both fired
expect_line "kprobes: seed_same_kprobe: pid=$GUEST_PID_CLOSE fd=42\$" \
	"seed: kprobe of a function that also has a kretprobe in the same file"
expect_line "kprobes: seed_same_kretprobe: pid=$GUEST_PID_CLOSE fd=42 closed=1\$" \
	"seed: kretprobe of a function that also has a kprobe in the same file"
expect_line "kprobes: seed_signal: comm=[^ ]+ pid=[0-9]+ sig=10 group target_comm=[^ ]+ target_pid=$SIGNAL_PID result=delivered\$" \
	"seed TRACEPOINT_HANDLER_DEFINE signal_generate: signal, target, result"
expect_line "kprobes: seed_kretprobe: comm=kp_guest pid=[0-9]+ filename=/tmp/kp-missing flags=$O_LARGEFILE_HEX retval=-2\$" \
	"seed kretprobe (README example): flags kept by the entry handler, -ENOENT"
expect_line "kprobes: seed_inode_permission: comm=kp_guest pid=[0-9]+ ino=[0-9]+ mask=0x21 ret=-13\$" \
	"seed kretprobe inode_permission: MAY_OPEN|MAY_EXEC refused with -EACCES"

# ---- more calls with known values -------------------------------------------------
rm -f /tmp/kp-seed-excl /tmp/kp-seed-new /tmp/kp-seed-noexec

# O_WRONLY|O_CREAT|O_EXCL of a new file: shmem_create(..., excl = true)
seed_open_guest /tmp/kp-seed-excl c1 600
# defect 4: seed_offset.c's body returned non-zero inside do_sys_openat2 (the
# seed passed that to the kernel: no single-step, a jump into the middle of
# an instruction); the function must still run and return the fd
if ! [ "$seed_errno" = 0 ] || ! [ "$seed_fd" -ge 0 ] 2>/dev/null; then
	fail "seed: open through a kprobe whose body returns non-zero: '$seed_out'"
fi
expect_line "kprobes: seed_bool: comm=kp_guest pid=$seed_pid name=kp-seed-excl mode=0100600 excl=1\$" \
	"seed bool argument: true (O_EXCL)"
# defects 1 and 6: KRETPROBE_ENTRY_HANDLER_DEFINE0 with long private data
expect_line "kprobes: seed_noargs: pid=$seed_pid slot=$seed_pid ret=$seed_fd\$" \
	"seed KRETPROBE_ENTRY_HANDLER_DEFINE0, long data: the pid kept per call, the fd returned"
expect_line "kprobes: seed_offset: comm=kp_guest pid=$seed_pid off=$seed_off dfd=-100 filename=/tmp/kp-seed-excl\$" \
	"seed offset kprobe, second call"
expect_line "kprobes: seed_open: comm=kp_guest pid=$seed_pid dfd=-100 filename=/tmp/kp-seed-excl flags=$(seed_hex "0xc1 | $O_LARGEFILE_HEX") mode=0600\$" \
	"seed kprobe do_sys_openat2: O_EXCL flags"

# the same without O_EXCL: excl = false
seed_open_guest /tmp/kp-seed-new 241 600
expect_line "kprobes: seed_bool: comm=kp_guest pid=$seed_pid name=kp-seed-new mode=0100600 excl=0\$" \
	"seed bool argument: false"
expect_line "kprobes: seed_noargs: pid=$seed_pid slot=$seed_pid ret=$seed_fd\$" \
	"seed KRETPROBE_ENTRY_HANDLER_DEFINE0: second call"

# O_EXCL on the existing file: -EEXIST through the README's kretprobe
seed_open_guest /tmp/kp-seed-excl c1 600
[ "$seed_errno" = 17 ] || fail "seed: O_EXCL open of an existing file: '$seed_out'"
expect_line "kprobes: seed_kretprobe: comm=kp_guest pid=$seed_pid filename=/tmp/kp-seed-excl flags=$(seed_hex "0xc1 | $O_LARGEFILE_HEX") retval=-17\$" \
	"seed kretprobe (README example): -EEXIST with the caller's flags"
expect_line "kprobes: seed_noargs: pid=$seed_pid slot=$seed_pid ret=-17\$" \
	"seed KRETPROBE_ENTRY_HANDLER_DEFINE0: an error return"

# exec of a non-executable file: inode_permission(MAY_OPEN|MAY_EXEC) = -EACCES
printf 'not a program\n' >/tmp/kp-seed-noexec
chmod 644 /tmp/kp-seed-noexec
seed_out=$(kp_guest exec /tmp/kp-seed-noexec)
seed_pid=$(seed_val pid "$seed_out")
[ "$(seed_val errno "$seed_out")" = 13 ] || fail "seed: exec of a 0644 file: '$seed_out'"
seed_ino=$(ls -i /tmp/kp-seed-noexec | awk '{ print $1 }')
expect_line "kprobes: seed_inode_permission: comm=kp_guest pid=$seed_pid ino=$seed_ino mask=0x21 ret=-13\$" \
	"seed kretprobe inode_permission: this exec's pid, inode, mask and error"

# kp_guest close opens /dev/null, dup2s it to fd 7, closes fd 7 (seed_same.c's
# kprobe body returns non-zero too: close must still succeed)
seed_out=$(kp_guest close 7)
seed_pid=$(seed_val pid "$seed_out")
[ "$(seed_val close "$seed_out")" = 0 ] || fail "seed: kp_guest close 7: '$seed_out'"
expect_line "kprobes: seed_close: comm=kp_guest pid=$seed_pid fd=7\$" "seed close: fd 7"
expect_line "kprobes: seed_same_kretprobe: pid=$seed_pid fd=7 closed=1\$" \
	"seed kretprobe on close: fd kept by the entry handler, success returned"

rm -f /tmp/kp-seed-excl /tmp/kp-seed-new /tmp/kp-seed-noexec
