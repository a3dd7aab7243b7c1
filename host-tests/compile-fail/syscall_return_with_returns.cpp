// expect: kp::SyscallReturn: options are kp::Args<T...>, kp::Data<D>, kp::MaxActive<N> (the return type is always long)
#include "kp.hpp"
static void on_return(int) {}
KP_PROBE(kp::SyscallReturn<"close", kp::Returns<int>>, on_return);
