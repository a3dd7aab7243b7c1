// expect: kp::User<T *>: a user pointer does not convert to a kernel pointer
#include "kp.hpp"
static void h(kp::User<const char *> name)
{
	const char *k = (const char *)name; // a cast does not help
	(void)k;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *>>>, h);
