// expect: kp::read_field<"path">(dst, src): src must be a pointer to a kernel struct, e.g. a file *
#include "kp.hpp"
static void h(const int *p)
{
	int v;
	if (kp::read_field<"f_flags">(v, p))
		kp_printk("%d\n", v);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<const int *>>, h);
