// expect: kp::read_field<"path">: a path is member names joined by . and ->, e.g. "f_path.dentry->d_name.name"
#include "kp.hpp"
static void h(file *f)
{
	unsigned v;
	if (kp::read_field<"f_flags[0]">(v, f))
		kp_printk("%u\n", v);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<file *>>, h);
