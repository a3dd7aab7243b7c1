# scaffold: kp_scaffold.ko, the files tools/kp-btf scaffold wrote from this
# kernel's BTF at build time (Makefile vm-target), unedited: a kprobe on
# vfs_fsync_range (no example probes it) and the signal_deliver tracepoint
# (examples/ use signal_generate).  Trigger: a 100-byte O_SYNC write to a
# file on ramfs (kp_guest osync), whose write ends in generic_write_sync():
# vfs_fsync_range(file, 0, 99, 0), called from mm/filemap.c (fsync(2)'s
# call from vfs_fsync() is inlined by the debug kernel's clang, so a probe
# on vfs_fsync_range never sees it there; tmpfs writes do not sync at
# all); a child that dies (signal_child: SIGUSR1 to a child sleep), so
# that this shell, which handles SIGCHLD, is delivered one.  Expected:
# comm=kp_guest with its pid, start=0 end=99 datasync=0; after the child's
# death a signal_deliver line with sig 17 (SIGCHLD) from this shell's pid.  (A fatal signal with the default action is never
# "delivered": the kernel kills the task without dequeuing it.)

check "insmod kp_scaffold.ko" insmod /kp_scaffold.ko
mkdir -p /tmp/kp-ramfs
check "mount a ramfs" mount -t ramfs kp-ramfs /tmp/kp-ramfs
out=$(kp_guest osync /tmp/kp-ramfs/scaffold 100)
expect_eq "an O_SYNC write of 100 bytes" "$(value wrote "$out")" 100
expect_line "vfs_fsync_range: the synced range of the write" \
	"kp_scaffold: vfs_fsync_range: comm=kp_guest pid=$(value pid "$out") file=[^ ]+ start=0 end=99 datasync=0\$"
umount /tmp/kp-ramfs
kmsg_mark "scaffold signal"
signal_child
expect_eq "signal_deliver: SIGCHLD delivered to this shell after its child died" \
	"$(dmesg_since "scaffold signal" | grep -cE "kp_scaffold: signal_deliver: comm=[^ ]+ pid=$$ arg1=17 arg2=[^ ]+ arg3=[^ ]+\$" | sed 's/^[1-9][0-9]*$/some/')" some
check "rmmod kp_scaffold" rmmod kp_scaffold
