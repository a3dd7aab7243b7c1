// expect: KP_PROBE: a kretprobe takes a return handler, or an entry handler and a return handler
#include "kp.hpp"
static void on_entry(int) {}
static void on_return(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<long>>, on_entry, on_return, on_return);
