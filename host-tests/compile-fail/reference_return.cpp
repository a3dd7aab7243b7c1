// expect: kp::Returns: a function cannot be probed for a reference return: declare a pointer
#include "kp.hpp"
static void h(int &) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<int &>>, h);
