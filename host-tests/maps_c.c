// SPDX-License-Identifier: GPL-2.0
/*
 * The seed's C macros' maps (framework/kprobe.h) on the host, for
 * maps_test.cpp: KP_COUNT_MAP/kp_count and KP_HIST_MAP/kp_hist.
 */
#include "arch/kp_arch.h"
#include "kp_abi.h"

#define KP_HOST_TEST 1
static const struct kp_arch_table kpt_maps_table __attribute__((unused)) = KP_ARCH_TABLE_X86_64;
#define KP_C_TABLE (&kpt_maps_table)

struct kretprobe_instance {
	unsigned long kernel_private[4];
	char data[64] __attribute__((aligned(8)));
};

#include "kprobe.h"

KP_COUNT_MAP(kpt_c_count, 8);
KP_HIST_MAP(kpt_c_hist);

const struct kp_map_desc *kpt_c_count_desc(void);
const struct kp_map_desc *kpt_c_hist_desc(void);
void kpt_c_update(long key, long value);

const struct kp_map_desc *kpt_c_count_desc(void) { return &kpt_c_count; }
const struct kp_map_desc *kpt_c_hist_desc(void) { return &kpt_c_hist; }

void kpt_c_update(long key, long value)
{
	kp_count(&kpt_c_count, key);
	kp_hist(&kpt_c_hist, value);
}
