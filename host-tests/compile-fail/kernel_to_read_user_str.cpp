// expect: kp::read_user_str: the source must be a user pointer, kp::User<T *>; a kernel string is read with kp::read_kernel_str
#include "kp.hpp"
static void h(const char *p)
{
	char s[16];
	if (kp::read_user_str(s, p) >= 0)
		kp_printk("%s\n", s);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<const char *>>, h);
