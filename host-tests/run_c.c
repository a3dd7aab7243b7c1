// SPDX-License-Identifier: GPL-2.0
/*
 * KP_BEGIN, KP_END and KP_INTERVAL (framework/kprobe.h) on the host, for
 * run_c_test.cpp: their descriptors, names and generated run functions.
 */
#include "arch/kp_arch.h"
#include "kp_abi.h"

#define KP_HOST_TEST 1
#include "kprobe.h"

int kpt_run_begins, kpt_run_ends, kpt_run_ticks;

KP_BEGIN(kpt_begin)
{
	kpt_run_begins++;
}

KP_END(kpt_end)
{
	kpt_run_ends++;
}

KP_INTERVAL(kpt_tick, 250)
{
	kpt_run_ticks++;
}
