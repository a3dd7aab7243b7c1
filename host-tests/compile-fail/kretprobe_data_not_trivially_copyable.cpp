// expect: kp::Data<D>: D lives in per-call memory the kernel hands out and no constructor or destructor runs: D must be trivially copyable
#include "kp.hpp"
struct call {
	int fd;
	~call() {}
};
static void on_entry(call &, int) {}
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
