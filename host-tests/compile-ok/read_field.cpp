// expect-success
// kp::read_field: members, anonymous members and -> hops, into scalars and
// pointers (the offsets come from the build: here only the compile).
#include "kp.hpp"
struct dentry;
static void h(file *f)
{
	const unsigned char *name;
	const dentry *d;
	kp::u32 len;
	if (kp::read_field<"f_path.dentry">(d, f) && kp::read_field<"d_name.len">(len, d) &&
	    kp::read_field<"f_path.dentry->d_name.name">(name, f))
		kp_printk("%u %p\n", len, (const void *)name);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<file *>>, h);
