// expect: kp::error::kprobe_handler_takes<1>::parameters_but_its_declaration_has<2>
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, int>>, h);
