// expect: kp::read_kernel_str: the source is a user pointer (kp::User): read it with its .read_str(buf) or kp::read_user_str
#include "kp.hpp"
static void h(kp::User<const char *> p)
{
	char s[16];
	if (kp::read_kernel_str(s, p) >= 0)
		kp_printk("%s\n", s);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *>>>, h);
