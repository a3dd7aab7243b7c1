// expect: kp::Args: this type cannot be decoded from a register
#include "kp.hpp"
struct s {
	int x;
};
static void h(int s::*) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int s::*>>, h);
