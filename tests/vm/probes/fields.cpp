// SPDX-License-Identifier: GPL-2.0
// kp::read_field (framework/kp/fields.hpp): the name of a file being closed,
// file->f_path.dentry->d_name.name (three loads through two pointers, offsets
// from the target kernel's BTF), and d_name.len, which sits in an anonymous
// struct inside an anonymous union of struct qstr.  No C helper, no kernel
// header.  tests/vm/t/38-btf.sh checks the values.
#include "kp.hpp"

static void on_filp_close(file *f, void *)
{
	const unsigned char *name;
	kp::u32 len;
	char buf[64];

	if (!kp::streq(kp::current_comm().str, "kp_guest"))
		return;
	if (!kp::read_field<"f_path.dentry->d_name.name">(name, f) ||
	    kp::read_kernel_str(buf, name) < 0 || !kp::starts_with(buf, "kp-field"))
		return;
	if (!kp::read_field<"f_path.dentry->d_name.len">(len, f))
		return;
	kp_printk("fields: comm=kp_guest pid=%d name=%s len=%u\n", kp::current_pid(), buf, len);
}

KP_PROBE(kp::Kprobe<"filp_close", kp::Args<file *, void *>>, on_filp_close);
