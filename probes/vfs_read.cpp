// SPDX-License-Identifier: GPL-2.0
// Your probes go in this directory: every .cpp and .c file here is built
// into kprobes.ko by `make`.  This one is an example to replace; more are in
// examples/ (build them with `make KP_PROBE_DIRS=examples`).
#include "kp.hpp"

// vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos):
// every read(2) of every process passes here, so report only those of cat.
static void on_vfs_read(struct file *, char *, kp::size_t count, kp::loff_t *)
{
	if (kp::streq(kp::current_comm().str, "cat"))
		kp_printk("vfs_read: pid=%d count=%lu\n", kp::current_pid(), count);
}

KP_PROBE(kp::Kprobe<"vfs_read", kp::Args<struct file *, char *, kp::size_t, kp::loff_t *>>,
	 on_vfs_read);
