// expect: kp::error::kretprobe_entry_handler_parameter<3>::is_declared_as<int>::but_the_handler_takes<char>
#include "kp.hpp"
struct call {
	int fd;
};
static bool on_entry(call &, int, char) { return true; } // the 3rd (2nd of kp::Args) is int
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int, int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
