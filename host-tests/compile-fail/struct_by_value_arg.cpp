// expect: kp::Args: structs and unions passed by value are not supported: declare a pointer
#include "kp.hpp"
struct point {
	long x, y;
};
static void h(point) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<point>>, h);
