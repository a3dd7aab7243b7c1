// expect: kp::error::tracepoint_handler_takes<4>::parameters_but_its_declaration_has<5>
#include "kp.hpp"
static void h(int, kernel_siginfo *, task_struct *, int) {} // TP_PROTO has 5 parameters
KP_PROBE(kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>, h);
