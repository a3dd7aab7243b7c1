// expect: kp::Returns: structs and unions returned by value are not supported
#include "kp.hpp"
struct pair {
	long a, b;
};
static void h(pair) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<pair>>, h);
