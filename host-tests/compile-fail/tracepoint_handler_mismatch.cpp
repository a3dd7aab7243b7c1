// expect: kp::Tracepoint: the handler must be void(T...) with exactly the types of kp::Args<T...> (the tracepoint's TP_PROTO)
#include "kp.hpp"
static void h(int, kernel_siginfo *, task_struct *, int) {} // TP_PROTO has 5 parameters
KP_PROBE(kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>, h);
