// expect: inc(): only a kp::Count counts events
#include "kp.hpp"
KP_MAP(bytes, kp::Sum<kp::Key<int>, 64>);
static void on_write(int fd, unsigned long n)
{
	bytes[fd].inc();
}
KP_PROBE(kp::Kprobe<"ksys_write", kp::Args<int, unsigned long>>, on_write);
