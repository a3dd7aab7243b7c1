// expect: kp::Syscall: the system call name is empty
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Syscall<"", kp::Args<int>>, h);
