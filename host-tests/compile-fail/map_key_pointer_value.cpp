// expect: a map key's value must convert to its kp::Key<T...> field type implicitly
#include "kp.hpp"
// a pointer given where the key is an integer: no silent conversion
KP_MAP(by_fd, kp::Count<kp::Key<long>, 64>);
static void on_open(const char *name)
{
	by_fd[name].inc();
}
KP_PROBE(kp::Kprobe<"do_sys_open", kp::Args<const char *>>, on_open);
