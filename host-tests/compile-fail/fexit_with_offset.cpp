// expect: kp::Fexit: unknown option: kp::Fexit takes kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N> (no kp::Offset<N>: a return probe attaches at function entry)
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::Fexit<"f", kp::Returns<long>, kp::Offset<8>>, on_return);
