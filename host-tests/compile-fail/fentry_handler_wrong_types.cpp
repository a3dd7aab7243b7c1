// expect: kp::error::kprobe_handler_parameter<2>::is_declared_as<int>::but_the_handler_takes<char>
#include "kp.hpp"
static void on_entry(long, char) {} // the 2nd is declared int
KP_PROBE(kp::Fentry<"f", kp::Args<long, int>>, on_entry);
