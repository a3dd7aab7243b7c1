// expect: kp::Data<D>: D is larger than the kernel's per-call data limit (KRETPROBE_MAX_DATA_SIZE, 4096 bytes)
#include "kp.hpp"
struct call {
	char path[4097];
};
static void on_entry(call &, int) {}
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
