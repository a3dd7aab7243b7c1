// expect-success
// Every map kind and key form the compile-fail map_* tests reject variants of.
#include "kp.hpp"

enum class color : unsigned char { red, green };
KP_MAP(opens, kp::Count<kp::Key<int>, 1024>);
KP_MAP(bytes, kp::Sum<kp::Key<kp::task_comm, kp::pid_t>, 64>);
KP_MAP(lo, kp::Min<kp::Key<color>, 2>);
KP_MAP(hi, kp::Max<>);
KP_MAP(mean, kp::Avg<kp::Key<unsigned long, bool>>);
KP_MAP(lat, kp::Hist<>);
KP_MAP(sizes, kp::LinearHist<-100, 100, 7, kp::Key<short>, 8>);
KP_MAP(once, kp::Count<kp::Key<int>, 1>);

static void on_write(int fd, unsigned long n)
{
	opens[fd].inc();
	opens(fd).add(2);
	bytes(kp::current_comm(), kp::current_tgid()).add((long long)n);
	lo[color::green].add(-1);
	hi.add((long long)n);
	mean(n, fd > 2).add(1);
	lat.add((long long)n);
	sizes[(short)fd].add(fd);
	once[0].inc();
}
KP_PROBE(kp::Kprobe<"ksys_write", kp::Args<int, unsigned long>>, on_write);
