// expect: kp::User<T *>: a user pointer cannot be dereferenced in a handler (it would fault, or read kernel memory)
#include "kp.hpp"
struct how {
	int flags;
};
static void h(kp::User<const how *> p)
{
	int f = p->flags;
	(void)f;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const how *>>>, h);
