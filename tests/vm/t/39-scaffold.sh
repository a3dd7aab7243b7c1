# scaffold: kp_scaffold.ko, the files tools/kp-btf scaffold wrote from this
# kernel's BTF at build time (Makefile vm-target), unedited: a kprobe on
# vfs_fsync_range (no example probes it) and the signal_deliver tracepoint
# (examples/ use signal_generate).  Trigger: busybox sync FILE (fsync):
# vfs_fsync_range(file, 0, LLONG_MAX, 0); a child that dies (signal_child:
# SIGUSR1 to a child sleep), so that this shell, which handles SIGCHLD, is
# delivered one.  Expected: start=0 end=9223372036854775807 datasync=0; after
# the child's death a signal_deliver line with sig 17 (SIGCHLD) from this
# shell's pid.  (A fatal signal with the default action is never
# "delivered": the kernel kills the task without dequeuing it.)

check "insmod kp_scaffold.ko" insmod /kp_scaffold.ko
echo scaffold >/tmp/kp-scaffold
# (sync -d, fdatasync, printed datasync=1 on amd64-6.12, arm64-6.1 and
# arm64-6.12 but no line on amd64-6.1: not understood yet, not checked)
sync /tmp/kp-scaffold
expect_line "vfs_fsync_range: fsync's arguments" \
	'kp_scaffold: vfs_fsync_range: comm=[^ ]+ pid=[0-9]+ file=[^ ]+ start=0 end=9223372036854775807 datasync=0$'
kmsg_mark "scaffold signal"
signal_child
expect_eq "signal_deliver: SIGCHLD delivered to this shell after its child died" \
	"$(dmesg_since "scaffold signal" | grep -cE "kp_scaffold: signal_deliver: comm=[^ ]+ pid=$$ arg1=17 arg2=[^ ]+ arg3=[^ ]+\$" | sed 's/^[1-9][0-9]*$/some/')" some
check "rmmod kp_scaffold" rmmod kp_scaffold
