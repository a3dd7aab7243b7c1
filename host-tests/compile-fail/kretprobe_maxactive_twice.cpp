// expect: kp::Kretprobe: an option is given twice: kp::Kretprobe takes kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N>
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::MaxActive<4>, kp::Returns<long>, kp::MaxActive<8>>, on_return);
