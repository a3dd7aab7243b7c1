// expect: kp::User<T *>: a user pointer cannot be indexed in a handler: copy the element with (p + i).read(dst)
#include "kp.hpp"
static void h(kp::User<const char *> name)
{
	char c = name[0];
	(void)c;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *>>>, h);
