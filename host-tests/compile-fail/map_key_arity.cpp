// expect: a map's key takes one value per kp::Key<T...> field
#include "kp.hpp"
KP_MAP(by_pair, kp::Count<kp::Key<int, int>, 64>);
static void on_write(int fd, unsigned long n)
{
	by_pair[fd].inc();
}
KP_PROBE(kp::Kprobe<"ksys_write", kp::Args<int, unsigned long>>, on_write);
