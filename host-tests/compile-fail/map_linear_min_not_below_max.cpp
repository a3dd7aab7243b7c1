// expect: kp::LinearHist<Min, Max, Step>: Min must be less than Max
#include "kp.hpp"
KP_MAP(sizes, kp::LinearHist<100, 100, 10>);
