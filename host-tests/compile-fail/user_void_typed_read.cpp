// expect: kp::User<void *>::read(dst): a typed read needs a type: use .read_bytes(dst, n), or declare kp::User<const T *>
#include "kp.hpp"
static void h(kp::User<const void *> p)
{
	int v;
	if (p.read(v))
		kp_printk("%d\n", v);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const void *>>>, h);
