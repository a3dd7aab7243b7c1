// expect: kp::Key<T...>: every key field must be an integer, an enum or kp::task_comm
#include "kp.hpp"
struct point {
	int x, y;
};
KP_MAP(by_point, kp::Sum<kp::Key<int, point>, 64>);
