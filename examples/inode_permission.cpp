// SPDX-License-Identifier: GPL-2.0
// The seed's inode_permission kretprobe, for 6.x: the first argument is a
// struct user_namespace * (6.1) or struct mnt_idmap * (6.3+); it is not
// used, so it is declared as an opaque pointer.  The entry handler keeps
// the mask in per-call data; the return handler reports failures.
#include "kp.hpp"

struct perm_call {
	const inode *node;
	int mask;
};

static bool perm_entry(perm_call &call, const void *, const inode *node, int mask)
{
	call.node = node;
	call.mask = mask;
	return true;
}

static void perm_return(perm_call &call, int ret)
{
	// -ECHILD only asks the RCU path walk to retry in ref-walk mode
	if (ret < 0 && ret != -10)
		kp_printk("inode_permission: comm=%s pid=%d mask=0x%x ret=%d\n",
			  kp::current_comm().str, kp::current_pid(), call.mask, ret);
}

KP_PROBE(kp::Kretprobe<"inode_permission", kp::Args<const void *, const inode *, int>,
		       kp::Returns<int>, kp::Data<perm_call>>,
	 perm_entry, perm_return);
