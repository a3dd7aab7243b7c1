// expect: kp::User<T *>: a user pointer does not convert to a kernel pointer: copy what it points to with .read(dst), .read_bytes(dst, n) or .read_str(buf)
#include "kp.hpp"
static void h(kp::User<const char *> name)
{
	const char *k = name; // assignment to a kernel pointer
	(void)k;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<const char *>>>, h);
