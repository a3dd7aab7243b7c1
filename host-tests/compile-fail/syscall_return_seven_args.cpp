// expect: kp::SyscallReturn: system calls take at most 6 arguments
#include "kp.hpp"
static void on_entry(long, long, long, long, long, long, long) {}
static void on_return(long) {}
KP_PROBE(kp::SyscallReturn<"f", kp::Args<long, long, long, long, long, long, long>>, on_entry,
	 on_return);
