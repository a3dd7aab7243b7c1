// expect: KP_MAP: the second argument must be a map type
#include "kp.hpp"
KP_MAP(opens, kp::Key<int>);
