// expect: kp::error::kprobe_handler_parameter<2>::is_declared_as<int>::but_the_handler_takes<unsigned int>
#include "kp.hpp"
static void h(unsigned, unsigned) {}
KP_PROBE(kp::Syscall<"close_range", kp::Args<unsigned, int>>, h);
