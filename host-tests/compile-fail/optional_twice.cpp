// expect: kp::SyscallReturn: an option is given twice: kp::SyscallReturn takes kp::Args<T...>, kp::Data<D>, kp::MaxActive<N>
#include "kp.hpp"
static void h(long) {}
KP_PROBE(kp::SyscallReturn<"close", kp::Optional, kp::Optional>, h);
