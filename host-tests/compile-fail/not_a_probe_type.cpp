// expect: KP_PROBE: the first argument must be a probe type
#include "kp.hpp"
struct my_probe {
	static constexpr auto symbol = kp::fixed_string("f");
};
static void h(int) {}
KP_PROBE(my_probe, h);
