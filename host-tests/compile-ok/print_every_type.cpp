// expect-success
// kp::print with one argument of every printable kind compiles (the
// compile-fail print_*.cpp files are rejected for their one wrong argument).
#include "kp.hpp"
enum class mode : unsigned short { rw = 6 };
static void h(int dfd, const char *name, const void *p, kp::u64 v, bool b, kp::s8 c)
{
	char buf[32] = "";
	kp::print<"{} {} {} {} {} {} {} {} {} {} {} {}% {{}}\n">(dfd, name, p, v, b, c, buf,
								  kp::current_comm(), kp::Sym{p},
								  kp::Raw{p}, mode::rw, 'x');
	kp::print<"nothing to format\n">();
}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, const char *, const void *, kp::u64, bool, kp::s8>>, h);
