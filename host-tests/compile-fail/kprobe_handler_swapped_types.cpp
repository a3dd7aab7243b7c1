// expect: kp::error::kprobe_handler_parameter<1>::is_declared_as<int>::but_the_handler_takes<char>
#include "kp.hpp"
static void h(char, int) {} // the first mismatch is named, once
KP_PROBE(kp::Kprobe<"f", kp::Args<int, char>>, h);
