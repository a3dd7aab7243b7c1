// expect: kp::read_user: the source must be a user pointer, kp::User<T *>; a kernel pointer is read with kp::read_kernel
#include "kp.hpp"
static void h(const int *p)
{
	int v;
	if (kp::read_user(v, p))
		kp_printk("%d\n", v);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<const int *>>, h);
