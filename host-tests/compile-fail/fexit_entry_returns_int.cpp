// expect: kp::Fexit: the entry handler returns void, or bool
#include "kp.hpp"
static int on_entry(int) { return 0; }
static void on_return(int) {}
KP_PROBE(kp::Fexit<"f", kp::Args<int>, kp::Returns<int>>, on_entry, on_return);
