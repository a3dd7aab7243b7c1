# SPDX-License-Identifier: GPL-2.0
#
#   make [KDIR=...] [ARCH=x86|arm64] [LLVM=1 | TOOLCHAIN=llvm|gcc] [CROSS_COMPILE=...]
#   make install | remove | clean | check
#
# LLVM=1 builds everything with clang (the newest clang-NN installed, 19
# preferred), also against gcc-built distribution kernels: the target's
# config is then overridden where it says gcc (see README, "Building").
# Without LLVM the kernel's own compiler builds C and its g++ builds C++.

KDIR ?= /lib/modules/$(shell uname -r)/build
KP_MODULE ?= kprobes
kp-root := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

ifeq ($(TOOLCHAIN),llvm)
override LLVM := 1
else ifeq ($(TOOLCHAIN),gcc)
override LLVM :=
else ifneq ($(TOOLCHAIN),)
$(error TOOLCHAIN must be llvm or gcc)
endif

kp-conf := $(KDIR)/include/config/auto.conf
kp-conf-has = $(shell grep -qx '$(1)' $(kp-conf) 2>/dev/null && echo y)
kp-arm64 := $(call kp-conf-has,CONFIG_ARM64=y)

kp-vars := KP_MODULE=$(KP_MODULE)
ifneq ($(ARCH),)
kp-vars += ARCH=$(ARCH)
endif

ifneq ($(LLVM),)
# LLVM=1 -> the newest versioned clang installed; LLVM=-NN or LLVM=/prefix/ as kbuild takes them
ifeq ($(LLVM),1)
kp-llvm := $(firstword $(foreach v,19 18 17 16,$(if $(shell command -v clang-$(v)),-$(v))) 1)
else
kp-llvm := $(LLVM)
endif
ifeq ($(kp-llvm),1)
kp-clang := clang
else ifneq ($(filter %/,$(kp-llvm)),)
kp-clang := $(kp-llvm)clang
else
kp-clang := clang$(kp-llvm)
endif
kp-vars += LLVM=$(kp-llvm) CC=$(kp-clang) KP_CXX=$(subst clang,clang++,$(kp-clang))
# Debian's kernels are built with gcc: tell kbuild the truth about the compiler.
ifeq ($(call kp-conf-has,CONFIG_CC_IS_GCC=y),y)
kp-clang-ver := $(shell echo __clang_major__ __clang_minor__ __clang_patchlevel__ | \
	$(kp-clang) -E -P -x c - | awk '{ printf "%d%02d%02d", $$1, $$2, $$3 }')
kp-vars += CONFIG_CC_IS_GCC= CONFIG_CC_IS_CLANG=y CONFIG_GCC_VERSION=0 \
	CONFIG_CLANG_VERSION=$(kp-clang-ver) \
	CONFIG_CC_IMPLICIT_FALLTHROUGH=-Wimplicit-fallthrough \
	CONFIG_AS_IS_GNU= CONFIG_AS_IS_LLVM=y CONFIG_AS_VERSION=$(kp-clang-ver) \
	CONFIG_LD_IS_BFD= CONFIG_LD_IS_LLD=y CONFIG_LD_VERSION=0 \
	CONFIG_LLD_VERSION=$(kp-clang-ver) \
	CONFIG_DEBUG_INFO_BTF_MODULES=
# x86 6.8+: no gcc named address spaces for per-CPU data with clang (see the header).
ifeq ($(call kp-conf-has,CONFIG_CC_HAS_NAMED_AS=y),y)
kp-vars += 'KCFLAGS=$(KCFLAGS) -include $(kp-root)/framework/core/kp_clang_on_gcc.h'
endif
# clang has no -mrecord-mcount: record mcount sites with recordmcount, not
# objtool (objtool would NOP the calls and break ftrace on the gcc kernel).
ifeq ($(call kp-conf-has,CONFIG_FTRACE_MCOUNT_USE_CC=y),y)
kp-vars += CONFIG_FTRACE_MCOUNT_USE_CC= CONFIG_FTRACE_MCOUNT_USE_RECORDMCOUNT=y \
	CONFIG_HAVE_C_RECORDMCOUNT=y
endif
endif
else
# gcc family: cross-compile arm64 on a non-arm64 host unless told otherwise
ifeq ($(kp-arm64)$(CROSS_COMPILE),y)
ifneq ($(shell uname -m),aarch64)
CROSS_COMPILE := aarch64-linux-gnu-
endif
endif
endif
ifneq ($(CROSS_COMPILE),)
kp-vars += CROSS_COMPILE=$(CROSS_COMPILE)
endif

.PHONY: all modules vm-target install remove clean check
# Every target runs kbuild in the same directory: never two at once.
.NOTPARALLEL:

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) modules
	$(kp-root)/tools/kp-check-module $(kp-root)/$(KP_MODULE).ko $(KDIR)

# What the test bench loads (never probes/, which is the user's):
# kp_examples.ko (examples/), kp_tests.ko (tests/vm/probes), kp_fail.ko
# (examples/ plus a probe that cannot register: proves rollback) and
# kp_target.ko (functions with known arguments to probe).
vm-target:
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_examples KP_PROBE_DIRS=examples modules
	$(kp-root)/tools/kp-check-module $(kp-root)/kp_examples.ko $(KDIR)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_tests KP_PROBE_DIRS=tests/vm/probes modules
	$(kp-root)/tools/kp-check-module $(kp-root)/kp_tests.ko $(KDIR)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_fail "KP_PROBE_DIRS=examples tests/vm/fail-probes" modules
	$(MAKE) -C $(KDIR) M=$(kp-root)/tests/vm/target $(kp-vars) modules

install: modules
	insmod $(kp-root)/$(KP_MODULE).ko

remove:
	rmmod $(KP_MODULE)

clean:
	$(MAKE) -C $(KDIR) M=$(kp-root) clean
	-$(MAKE) -C $(KDIR) M=$(kp-root)/tests/vm/target clean
	rm -rf $(kp-root)/generated

# The whole test suite (host tests + the 8-target VM matrix), see tools/check.
check:
	$(kp-root)/tools/check
