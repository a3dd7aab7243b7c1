// expect: kp::read_kernel: the source is a user pointer (kp::User): read it with its .read(dst) or kp::read_user
#include "kp.hpp"
static void h(kp::User<const int *> p)
{
	int v;
	if (kp::read_kernel(v, p))
		kp_printk("%d\n", v);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const int *>>>, h);
