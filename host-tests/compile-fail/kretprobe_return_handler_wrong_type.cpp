// expect: kp::Kretprobe: the return handler's parameters must be (D &, R) with kp::Data<D> and kp::Returns<R>
#include "kp.hpp"
static void on_return(int) {} // the probe returns long
KP_PROBE(kp::Kretprobe<"f", kp::Returns<long>>, on_return);
