// expect: kp::User<T *>: a user pointer cannot be dereferenced in a handler (it would fault, or read kernel memory): copy it with .read(dst), .read_bytes(dst, n) or .read_str(buf)
#include "kp.hpp"
static void h(int, kp::User<const char *> name)
{
	char c = *name;
	(void)c;
}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, kp::User<const char *>>>, h);
