// expect: kp::SyscallReturn: unknown option: kp::SyscallReturn takes kp::Args<T...>, kp::Data<D>, kp::MaxActive<N> (no kp::Returns<R>: the return value is always long)
#include "kp.hpp"
static void on_return(int) {}
KP_PROBE(kp::SyscallReturn<"close", kp::Returns<int>>, on_return);
