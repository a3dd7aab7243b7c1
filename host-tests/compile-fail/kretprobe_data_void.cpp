// expect: kp::Data<D>: D must be an object type (a struct, an array or a scalar): the kernel keeps one per call
#include "kp.hpp"
static void on_entry(int) {}
static void on_return(int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<void>>, on_entry, on_return);
