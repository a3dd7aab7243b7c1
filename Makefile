# SPDX-License-Identifier: GPL-2.0
#
#   make [KDIR=...] [ARCH=x86|arm64] [LLVM=1 | TOOLCHAIN=llvm|gcc] [CROSS_COMPILE=...]
#   make install | remove | clean | check
#   make modules_install [INSTALL_MOD_PATH=...] | sign KP_SIGN_KEY=... KP_SIGN_CERT=... | dkms
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

# A module once kbuild has built it: its symbol table trimmed of what no
# relocation or stack trace needs (tools/kp-strip-module: while a module's
# init runs, every kprobe symbol lookup that misses vmlinux compares with
# all of it), then checked (tools/kp-check-module).
ifneq ($(LLVM),)
kp-objcopy = $(if $(filter %/,$(kp-llvm)),$(kp-llvm)llvm-objcopy,llvm-objcopy$(filter-out 1,$(kp-llvm)))
else
kp-objcopy = $(CROSS_COMPILE)objcopy
endif
kp-finish = $(kp-root)/tools/kp-strip-module $(kp-objcopy) $(1) && $(kp-root)/tools/kp-check-module $(1) $(KDIR)

.PHONY: all modules vm-target install remove clean check modules_install sign dkms
# Every target runs kbuild in the same directory: never two at once.
.NOTPARALLEL:

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) modules
	$(call kp-finish,$(kp-root)/$(KP_MODULE).ko)

# What the test bench loads (never probes/, which is the user's):
# kp_examples.ko (examples/), kp_tests.ko (tests/vm/probes), kp_linger.ko
# (the stress check's unload guard, one tracepoint probe), kp_fail.ko
# (examples/ plus a probe that cannot register: proves rollback), kp_bad.ko
# (every other kind of probe that cannot attach), kp_dup.ko (one probe
# declared twice), kp_out.ko (output into its trace instance:
# tests/vm/out-probes), kp_run.ko (begin, end and interval probes:
# tests/vm/run-probes), kp_overload.ko (a probe whose handler spins:
# tests/vm/overload-probes), kp_match.ko (kp::FentryMatch pattern probes:
# tests/vm/match-probes), kp_scaffold.ko (tools/kp-btf scaffold's files)
# and kp_target.ko (functions with known arguments to probe).
# kp_tests, kp_linger, kp_dup, kp_out, kp_overload, kp_match and part of kp_bad probe kp_target.ko's
# functions, which the kernel's BTF does not have, and kp_fail/kp_bad's
# other probes cannot attach on purpose: the BTF check (Kbuild, tools/kp-btf
# check) is off for them.
kp-no-btf-check := KP_BTF_CHECK=0
# kp_scaffold.ko: what tools/kp-btf scaffold writes for the target kernel
# (its BTF: KP_BTF), for a function and a tracepoint no example probes
# (tests/vm/t/39-scaffold.sh)
kp-scaffold-dir := generated/scaffold
vm-target:
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_examples KP_PROBE_DIRS=examples modules
	$(call kp-finish,$(kp-root)/kp_examples.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_tests KP_PROBE_DIRS=tests/vm/probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_tests.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_linger KP_PROBE_DIRS=tests/vm/linger-probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_linger.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_fail "KP_PROBE_DIRS=examples tests/vm/fail-probes" $(kp-no-btf-check) modules
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_bad KP_PROBE_DIRS=tests/vm/bad-probes $(kp-no-btf-check) modules
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_dup KP_PROBE_DIRS=tests/vm/dup-probes $(kp-no-btf-check) modules
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_overload KP_PROBE_DIRS=tests/vm/overload-probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_overload.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_out KP_PROBE_DIRS=tests/vm/out-probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_out.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_run KP_PROBE_DIRS=tests/vm/run-probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_run.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_match KP_PROBE_DIRS=tests/vm/match-probes $(kp-no-btf-check) modules
	$(call kp-finish,$(kp-root)/kp_match.ko)
	rm -rf $(kp-root)/$(kp-scaffold-dir) && mkdir -p $(kp-root)/$(kp-scaffold-dir)
	$(kp-root)/tools/kp-btf --btf $(KP_BTF) scaffold vfs_fsync_range -o $(kp-root)/$(kp-scaffold-dir)/fsync.cpp
	$(kp-root)/tools/kp-btf --btf $(KP_BTF) scaffold signal_deliver --tracepoint \
		-o $(kp-root)/$(kp-scaffold-dir)/signal_deliver.cpp
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_scaffold KP_PROBE_DIRS=$(kp-scaffold-dir) modules
	$(call kp-finish,$(kp-root)/kp_scaffold.ko)
	$(MAKE) -C $(KDIR) M=$(kp-root)/tests/vm/target $(kp-vars) modules

# ---- the benchmark (bench/, BENCHMARKS.md) -----------------------------------
# bench-modules: what the benchmark's guest loads, into bench/out/: the
# target module (hot paths, 1,000 functions; with module BTF for fentry),
# the handwritten references, the framework's probes (one module per probe
# kind, and the 1,000-kprobe / 1,000-kretprobe modules generated into
# bench/generated/), the BPF object with its static loader, the guest driver.
# KP_BTF: the target kernel's BTF (an ELF with .BTF, or the raw blob) for
# vmlinux.h and the module BTF; default $(KDIR)/vmlinux (6.12's headers
# ship one; for 6.1 see bench/extract-btf).
KP_BTF ?= $(KDIR)/vmlinux
kp-bench-out := $(kp-root)/bench/out
kp-bench-kinds := kprobe kretprobe tp sys fentry fexit
ifeq ($(kp-arm64),y)
kp-bench-guest-cc ?= $(or $(shell command -v aarch64-linux-gnu-gcc),aarch64-linux-gnu-gcc-12)
kp-bench-bpf-arch := arm64
else
kp-bench-guest-cc ?= gcc
kp-bench-bpf-arch := x86
endif
kp-bench-clang := $(or $(shell command -v clang-19),clang)

.PHONY: bench-modules bench-bpf bench
# (the framework's bench probes are on kp_bench_target.ko's functions, which
# the kernel's BTF does not have: no BTF check for them, as for kp_tests)
bench-modules: bench-bpf
	$(MAKE) -C $(KDIR) M=$(kp-root)/bench/target $(kp-vars) modules
	@# module BTF (fentry/fexit programs need it) where kbuild made none
	if ! readelf -S $(kp-root)/bench/target/kp_bench_target.ko | grep -q '\.BTF'; then \
		pahole -J --btf_base $(KP_BTF) $(kp-root)/bench/target/kp_bench_target.ko; fi
	$(MAKE) -C $(KDIR) M=$(kp-root)/bench/hand $(kp-vars) \
		KBUILD_EXTRA_SYMBOLS=$(kp-root)/bench/target/Module.symvers modules
	$(foreach k,$(kp-bench-kinds),$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_bench_fw_$(k) \
		"KP_PROBE_DIRS=bench/fw/common bench/fw/$(k)" $(kp-no-btf-check) modules && \
		$(call kp-finish,$(kp-root)/kp_bench_fw_$(k).ko) &&) true
	$(foreach k,kprobe kretprobe fentry pattern,mkdir -p $(kp-root)/bench/generated/many_$(k) && \
		$(kp-root)/bench/gen-many-probes $(k) > $(kp-root)/bench/generated/many_$(k)/many.cpp && \
		$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) KP_MODULE=kp_bench_fw_many_$(k) \
		KP_PROBE_DIRS=bench/generated/many_$(k) $(kp-no-btf-check) modules && \
		$(kp-root)/tools/kp-strip-module $(kp-objcopy) $(kp-root)/kp_bench_fw_many_$(k).ko &&) true
	mkdir -p $(kp-bench-out)
	cp $(kp-root)/bench/target/kp_bench_target.ko $(kp-root)/bench/hand/kp_bench_hand.ko \
		$(kp-root)/bench/hand/kp_bench_hand_many.ko $(kp-root)/kp_bench_fw_*.ko $(kp-bench-out)/
	$(kp-bench-guest-cc) -static -O2 -Wall -o $(kp-bench-out)/kp_bench $(kp-root)/bench/guest/kp_bench.c

bench-bpf:
	mkdir -p $(kp-bench-out)
	bpftool btf dump file $(KP_BTF) format c > $(kp-bench-out)/vmlinux.h
	$(kp-bench-clang) -target bpf -O2 -g -D__TARGET_ARCH_$(kp-bench-bpf-arch) -I$(kp-bench-out) \
		-c $(kp-root)/bench/bpf/kp_bench.bpf.c -o $(kp-bench-out)/kp_bench.bpf.o
	bpftool gen skeleton $(kp-bench-out)/kp_bench.bpf.o name kp_bench_bpf > $(kp-bench-out)/kp_bench.skel.h
	$(kp-bench-guest-cc) -static -O2 -Wall -I$(kp-bench-out) -o $(kp-bench-out)/kp_bpf \
		$(kp-root)/bench/bpf/kp_bpf.c -lbpf -lelf -lz

# The benchmark on the four kernels, both clock modes (tools/kbench bench).
KP_BENCH_TARGETS ?= amd64-6.1-llvm amd64-6.12-llvm arm64-6.1-llvm arm64-6.12-llvm
bench:
	$(kp-root)/tools/kbench bench $(KP_BENCH_TARGETS)
	$(kp-root)/tools/kbench bench --icount $(KP_BENCH_TARGETS)

install: modules
	insmod $(kp-root)/$(KP_MODULE).ko

remove:
	rmmod $(KP_MODULE)

# ---- installing for modprobe, DKMS, signing (README, "Install, DKMS and signing")
# the release modprobe looks under (Debian 6.1's kernel.release says 6.1.NNN, its uname 6.1.0-NN-arch)
kp-krel = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' $(KDIR)/include/generated/utsrelease.h)

# kbuild's own modules_install: $(INSTALL_MOD_PATH)/lib/modules/<release>/extra/,
# compressed as the kernel's config says; kbuild's signing of every module
# at install (CONFIG_MODULE_SIG_ALL, with the distribution's key, which its
# headers do not ship) is off: `make sign` signs with yours (given
# KP_SIGN_KEY, first).  Then depmod, which kbuild skips without System.map.
modules_install: modules
	$(if $(KP_SIGN_KEY),$(MAKE) -f $(kp-root)/Makefile sign)
	$(MAKE) -C $(KDIR) M=$(kp-root) $(kp-vars) INSTALL_MOD_DIR=extra CONFIG_MODULE_SIG_ALL= \
		KERNELRELEASE=$(kp-krel) modules_install
	depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(kp-krel)

# Signs $(KP_MODULE).ko with the target kernel's scripts/sign-file and the
# hash its config names: KP_SIGN_KEY (private key, PEM) and KP_SIGN_CERT
# (its X.509 certificate, PEM or DER), a pair the kernel trusts (built in,
# or enrolled as a MOK under Secure Boot).  Once: a signed module is left as it is.
kp-sig-hash = $(or $(patsubst "%",%,$(shell sed -n 's/^CONFIG_MODULE_SIG_HASH=//p' $(kp-conf))),sha256)
sign:
	@test -n "$(KP_SIGN_KEY)" -a -n "$(KP_SIGN_CERT)" || { echo "make sign: give KP_SIGN_KEY=<private key .pem> KP_SIGN_CERT=<its X.509 certificate>" >&2; exit 1; }
	@test -f $(kp-root)/$(KP_MODULE).ko || { echo "make sign: no $(KP_MODULE).ko: make it first" >&2; exit 1; }
	@if tail -c 28 $(kp-root)/$(KP_MODULE).ko | grep -q '~Module signature appended~'; then \
		echo "make sign: $(KP_MODULE).ko is signed already"; \
	else \
		$(KDIR)/scripts/sign-file $(kp-sig-hash) $(KP_SIGN_KEY) $(KP_SIGN_CERT) $(kp-root)/$(KP_MODULE).ko && \
		echo "make sign: signed $(KP_MODULE).ko ($(kp-sig-hash))"; \
	fi

# DKMS: this tree (with your probes/) as a DKMS package, rebuilt for every
# kernel installed later; tools/kp-dkms says how (KREL=, KDIR=, KP_DKMS_INSTALL=0).
dkms:
	$(kp-root)/tools/kp-dkms

clean:
	$(MAKE) -C $(KDIR) M=$(kp-root) clean
	-$(MAKE) -C $(KDIR) M=$(kp-root)/tests/vm/target clean
	-$(MAKE) -C $(KDIR) M=$(kp-root)/bench/target clean
	-$(MAKE) -C $(KDIR) M=$(kp-root)/bench/hand clean
	rm -rf $(kp-root)/bench/out $(kp-root)/bench/generated
	rm -rf $(kp-root)/generated

# The whole test suite (host tests + the 8-target VM matrix), see tools/check.
check:
	$(kp-root)/tools/check
