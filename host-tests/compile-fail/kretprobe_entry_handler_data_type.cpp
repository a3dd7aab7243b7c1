// expect: kp::error::kretprobe_entry_handler_parameter<1>::is_declared_as<call
// expect: >::but_the_handler_takes<other
#include "kp.hpp"
struct call {
	int fd;
};
struct other {
	int fd;
};
static void on_entry(other &, int) {}
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
