// expect: kp::error::kprobe_handler_parameter<3>::is_declared_as<int>::but_the_handler_takes<unsigned int>
#include "kp.hpp"
static void h(int, const char *, unsigned) {} // the 3rd is declared int
KP_PROBE(kp::Kprobe<"f", kp::Args<int, const char *, int>>, h);
