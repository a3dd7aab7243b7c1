// expect: kp::Returns: this type cannot be decoded from a register: declare an integer, bool, enum or pointer
#include "kp.hpp"
struct s {
	int x;
};
static void on_return(int s::*) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<int s::*>>, on_return);
