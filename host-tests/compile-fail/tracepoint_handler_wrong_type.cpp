// expect: kp::error::tracepoint_handler_parameter<2>::is_declared_as<int>::but_the_handler_takes<unsigned int>
#include "kp.hpp"
static void h(int, unsigned) {}
KP_PROBE(kp::Tracepoint<"t", kp::Args<int, int>>, h);
