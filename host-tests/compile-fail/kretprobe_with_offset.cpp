// expect: kp::Kretprobe: unknown option: kp::Kretprobe takes kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N> (no kp::Offset<N>: a kretprobe attaches at function entry)
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<long>, kp::Offset<8>>, on_return);
