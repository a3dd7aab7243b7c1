# seed: the seed's C macro API (framework/kprobe.h), examples/seed_*.c in
# kp_examples.ko.  Trigger: kp_guest opens (a new file with O_EXCL, the
# same without, O_EXCL on the existing file, a missing file), closes fd 7,
# execs a 0644 file, and this shell sends SIGUSR1 to a child.  Expected:
# the values of each call, through every macro family, and the seed's
# defects fixed (a kprobe body returning non-zero does not break the probed
# function; bool is the low byte; DEFINE0 kretprobe entry with long data; a
# kprobe and a kretprobe on one function in one file).

# seed_open PATH FLAGS MODE: kp_guest open; sets seed_pid, seed_fd, seed_errno
seed_open() {
	seed_out=$(kp_guest open "$1" "$2" "$3")
	seed_pid=$(value pid "$seed_out") seed_fd=$(value fd "$seed_out") seed_errno=$(value errno "$seed_out")
}
seed_hex() { printf '0x%x' $(($1)); }
case $ARCH in
x86_64) seed_off=0x5 ;;
*) seed_off=0x8 ;;
esac
rm -f /tmp/kp-seed-excl /tmp/kp-seed-new /tmp/kp-seed-noexec

expect_line "KPROBE_HANDLER_DEFINE_OFFSET registered at an instruction boundary" \
	"kp_examples: kprobe register at do_sys_openat2\\+$seed_off/0x[0-9a-f]+\$"
expect_line "KPROBE_HANDLER_DEFINE5 (bool argument) registered" \
	'kp_examples: kprobe register at shmem_create\+0x[0-9a-f]+/0x[0-9a-f]+$'
expect_line "kretprobe next to a kprobe on the same function registered" \
	'kp_examples: kretprobe register at (close_fd|file_close_fd)\+0x[0-9a-f]+/0x[0-9a-f]+$'

# O_WRONLY|O_CREAT|O_EXCL of a new file: shmem_create(..., excl = true).
# seed_offset.c's body returns non-zero inside do_sys_openat2 (the seed
# passed that to the kernel: no single-step): the open must still succeed.
seed_open /tmp/kp-seed-excl c1 600
expect_eq "open through a kprobe whose body returns non-zero succeeds" "$seed_errno" 0
expect_line "KPROBE_HANDLER_DEFINE3 do_sys_openat2: dfd, filename, flags, mode" \
	"kp_examples: seed_open: comm=kp_guest pid=$seed_pid dfd=-100 filename=/tmp/kp-seed-excl flags=$(seed_hex "0xc1 | $O_LARGEFILE_HEX") mode=0600\$"
expect_line "KPROBE_HANDLER_DEFINE_OFFSET: argument registers through the arch table" \
	"kp_examples: seed_offset: comm=kp_guest pid=$seed_pid off=$seed_off dfd=-100 filename=/tmp/kp-seed-excl\$"
expect_line "bool argument: true (O_EXCL)" \
	"kp_examples: seed_bool: comm=kp_guest pid=$seed_pid name=kp-seed-excl mode=0100600 excl=1\$"
expect_line "KRETPROBE_ENTRY_HANDLER_DEFINE0, long data: the pid kept per call, the fd returned" \
	"kp_examples: seed_noargs: pid=$seed_pid slot=$seed_pid ret=$seed_fd\$"

# the same without O_EXCL: excl = false
seed_open /tmp/kp-seed-new 241 600
expect_line "bool argument: false" \
	"kp_examples: seed_bool: comm=kp_guest pid=$seed_pid name=kp-seed-new mode=0100600 excl=0\$"
expect_line "KRETPROBE_ENTRY_HANDLER_DEFINE0: second call" \
	"kp_examples: seed_noargs: pid=$seed_pid slot=$seed_pid ret=$seed_fd\$"

# O_EXCL on the existing file: -EEXIST through the README's kretprobe
seed_open /tmp/kp-seed-excl c1 600
expect_eq "O_EXCL open of an existing file is EEXIST" "$seed_errno" 17
expect_line "kretprobe (README example): -EEXIST with the caller's flags" \
	"kp_examples: seed_kretprobe: comm=kp_guest pid=$seed_pid filename=/tmp/kp-seed-excl flags=$(seed_hex "0xc1 | $O_LARGEFILE_HEX") retval=-17\$"
expect_line "KRETPROBE_ENTRY_HANDLER_DEFINE0: an error return" \
	"kp_examples: seed_noargs: pid=$seed_pid slot=$seed_pid ret=-17\$"

# a missing file, read-only: -ENOENT with the flags kept at entry
seed_open /tmp/kp-seed-missing 0 0
expect_line "kretprobe (README example): flags kept by the entry handler, -ENOENT" \
	"kp_examples: seed_kretprobe: comm=kp_guest pid=$seed_pid filename=/tmp/kp-seed-missing flags=$O_LARGEFILE_HEX retval=-2\$"

# exec of a non-executable file: inode_permission(MAY_OPEN|MAY_EXEC) = -EACCES
printf 'not a program\n' >/tmp/kp-seed-noexec
chmod 644 /tmp/kp-seed-noexec
seed_out=$(kp_guest exec /tmp/kp-seed-noexec)
seed_pid=$(value pid "$seed_out")
expect_eq "exec of a 0644 file is EACCES" "$(value errno "$seed_out")" 13
seed_ino=$(ls -i /tmp/kp-seed-noexec | awk '{ print $1 }')
expect_line "kretprobe inode_permission: this exec's pid, inode, mask and error" \
	"kp_examples: seed_inode_permission: comm=kp_guest pid=$seed_pid ino=$seed_ino mask=0x21 ret=-13\$"

# kp_guest close opens /dev/null, dup2s it to fd 7, closes fd 7 (seed_same.c's
# kprobe body returns non-zero too: close must still succeed)
seed_out=$(kp_guest close 7)
seed_pid=$(value pid "$seed_out")
expect_eq "close through a kprobe whose body returns non-zero succeeds" "$(value close "$seed_out")" 0
expect_line "KPROBE_HANDLER_DEFINE1 close: the fd" "kp_examples: seed_close: comm=kp_guest pid=$seed_pid fd=7\$"
expect_line "kprobe of a function that also has a kretprobe in the same file" \
	"kp_examples: seed_same_kprobe: pid=$seed_pid fd=7\$"
expect_line "kretprobe of a function that also has a kprobe in the same file" \
	"kp_examples: seed_same_kretprobe: pid=$seed_pid fd=7 closed=1\$"

signal_child
expect_line "TRACEPOINT_HANDLER_DEFINE signal_generate: signal, target, result" \
	"kp_examples: seed_signal: comm=[^ ]+ pid=$$ sig=10 group target_comm=[^ ]+ target_pid=$SIGNAL_TARGET result=delivered\$"
rm -f /tmp/kp-seed-excl /tmp/kp-seed-new /tmp/kp-seed-noexec
