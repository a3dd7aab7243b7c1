// expect: kp::LinearHist<Min, Max, Step>: the step must be at least 1
#include "kp.hpp"
KP_MAP(sizes, kp::LinearHist<0, 100, 0>);
