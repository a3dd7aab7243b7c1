// expect: kp::error::kretprobe_return_handler_parameter<1>::is_declared_as<unsigned int>::but_the_handler_takes<int>
#include "kp.hpp"
static void on_return(int) {} // the probe returns unsigned int
KP_PROBE(kp::Kretprobe<"f", kp::Returns<unsigned int>>, on_return);
