// expect: kp::Kretprobe: the return handler must return void
#include "kp.hpp"
static bool on_return(long) { return true; }
KP_PROBE(kp::Kretprobe<"f", kp::Returns<long>>, on_return);
