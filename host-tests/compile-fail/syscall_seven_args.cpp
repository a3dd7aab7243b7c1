// expect: kp::Syscall: system calls take at most 6 arguments
#include "kp.hpp"
static void h(int, int, int, int, int, int, int) {}
KP_PROBE(kp::Syscall<"f", kp::Args<int, int, int, int, int, int, int>>, h);
