// expect: kp::Data<D>: D may be aligned to at most 8 bytes
#include "kp.hpp"
struct alignas(16) call {
	int fd;
};
static void on_entry(call &, int) {}
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
