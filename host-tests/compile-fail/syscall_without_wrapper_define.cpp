// expect: kp::Syscall: KP_SYSCALL_WRAPPER is not defined: build through Kbuild (make)
#undef KP_SYSCALL_WRAPPER
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Syscall<"close", kp::Args<int>>, h);
