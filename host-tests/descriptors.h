// SPDX-License-Identifier: GPL-2.0
#pragma once

#include <vector>

#include "kp_abi.h"

// Every entry of the "kp_probes" section, in link order.
std::vector<const kp_probe_desc *> section_entries();

// How many probes descriptors_more.cpp declares.
constexpr unsigned other_file_probes = 3;
