// expect: kp::print: argument 1 has a type kp::print cannot print
#include "kp.hpp"
struct point {
	int x, y;
};
static void h(int dfd)
{
	point p{dfd, dfd};
	kp::print<"p={} dfd={}\n">(p, dfd);
}
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
