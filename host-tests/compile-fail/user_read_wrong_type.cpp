// expect: kp::User<T *>::read(dst): dst must be a T (a kp::User<U *> when T is a pointer U *)
#include "kp.hpp"
static void h(kp::User<const char *const *> argv)
{
	const char *arg0; // a user pointer read from user memory is a kp::User
	if (argv.read(arg0))
		kp_printk("%p\n", arg0);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *const *>>>, h);
