// expect: kp::User<T *>: a kernel pointer is not a user pointer: user pointers come from kp::Args (or User<T *>::from_address)
#include "kp.hpp"
static void h(kp::User<const char *> name, const char *kname)
{
	name = kname; // assignment from a kernel pointer
	(void)name;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *>, const char *>>, h);
