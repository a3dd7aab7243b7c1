// SPDX-License-Identifier: GPL-2.0
// bpftrace's
//   kprobe:vfs_read { @bytes[comm] = hist(arg2); @reads[pid] = count(); }
// as C++ maps: a log2 histogram of the sizes asked of vfs_read() per
// process name, and the reads per process.  Read them with
//   cat /sys/kernel/debug/kp-<module>/maps/read_bytes
//   cat /sys/kernel/debug/kp-<module>/maps/reads_by_pid
// and empty them with `echo clear >` the same files.
#include "kp.hpp"

KP_MAP(read_bytes, kp::Hist<kp::Key<kp::task_comm>, 64>);  // 64 names per CPU
KP_MAP(reads_by_pid, kp::Count<kp::Key<kp::pid_t>, 256>); // 256 processes per CPU

static void on_read(file *, char *, kp::size_t count, kp::loff_t *)
{
	read_bytes[kp::current_comm()].add((long long)count);
	reads_by_pid[kp::current_tgid()].inc();
}
KP_PROBE(kp::Kprobe<"vfs_read", kp::Args<file *, char *, kp::size_t, kp::loff_t *>>, on_read);
