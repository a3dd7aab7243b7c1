// SPDX-License-Identifier: GPL-2.0
// Host implementations of the kernel core's services declared in kp_abi.h.
#include "kp_host.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <vector>

namespace host {
namespace {
const unsigned char *fault_begin;
const unsigned char *fault_end;
read_log log_;
std::string printk_;
std::string trace_format_, trace_;
unsigned long trace_calls_;

long copy(void *dst, const void *src, unsigned long n)
{
	auto s = static_cast<const unsigned char *>(src);
	log_.calls++;
	log_.last_src = src;
	log_.last_n = n;
	if (fault_begin && s < fault_end && s + n > fault_begin) {
		std::memset(dst, 0x5a, n); // a fault may leave dst half-written
		return log_.last_result = -14;
	}
	std::memcpy(dst, src, n);
	return log_.last_result = 0;
}
} // namespace

void fail_reads(const void *begin, std::size_t len)
{
	fault_begin = static_cast<const unsigned char *>(begin);
	fault_end = fault_begin + len;
}
void clear_read_faults() { fault_begin = fault_end = nullptr; }
const read_log &reads() { return log_; }
void reset_reads() { log_ = {}; }
void fill(void *p, std::size_t n, unsigned char b) { std::memset(p, b, n); }
const std::string &last_printk() { return printk_; }
const std::string &last_trace_format() { return trace_format_; }
const std::string &last_trace() { return trace_; }
unsigned long trace_calls() { return trace_calls_; }

} // namespace host

extern "C" {

// The maps' hot path on the host (framework/kp_map.h): the "current CPU".
unsigned int kp_host_map_cpu;

void kp_printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	std::vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	host::printk_ = buf;
}

void kp_trace_vprintf(const char *fmt, va_list ap)
{
	char buf[512];
	std::vsnprintf(buf, sizeof(buf), fmt, ap);
	host::trace_format_ = fmt;
	host::trace_ = buf;
	host::trace_calls_++;
}

void kp_trace_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kp_trace_vprintf(fmt, ap);
	va_end(ap);
}

long kp_read_kernel(void *dst, const void *src, unsigned long n) { return host::copy(dst, src, n); }
long kp_read_user(void *dst, const void *usrc, unsigned long n) { return host::copy(dst, usrc, n); }

long kp_read_user_bytes(void *dst, const void *usrc, unsigned long n)
{
	// byte by byte: stops at the first faulting byte (the core stops at a page)
	unsigned long i = 0;
	for (; i < n; i++)
		if (host::copy(static_cast<char *>(dst) + i, static_cast<const char *>(usrc) + i, 1))
			break;
	return (long)i;
}

long kp_read_kernel_str(char *dst, const void *src, unsigned long size)
{
	return kp_read_user_str(dst, src, size);
}

long kp_read_user_str(char *dst, const void *usrc, unsigned long size)
{
	if (!size)
		return -14;
	const char *s = static_cast<const char *>(usrc);
	unsigned long i = 0;
	for (; i + 1 < size; i++) {
		char c;
		if (host::copy(&c, s + i, 1)) {
			dst[0] = 0;
			return -14;
		}
		if (!c)
			break;
		dst[i] = c;
	}
	dst[i] = 0;
	return (long)i;
}

int kp_current_pid(void) { return 4242; }
int kp_current_tgid(void) { return 4200; }
void kp_current_comm(char *dst, unsigned long size)
{
	std::snprintf(dst, size, "%s", "kp_host");
}
int kp_task_pid(const struct task_struct *) { return 7; }
int kp_task_tgid(const struct task_struct *) { return 8; }
unsigned int kp_current_uid(void) { return 1000; }
unsigned int kp_current_gid(void) { return 1001; }
unsigned int kp_cpu(void) { return 1; }
unsigned long long kp_time_ns(void) { return 123456789ull; }
void kp_task_comm(const struct task_struct *, char *dst, unsigned long size)
{
	std::snprintf(dst, size, "%s", "kp_task");
}
unsigned int kp_task_uid(const struct task_struct *) { return 2000; }
unsigned int kp_task_gid(const struct task_struct *) { return 2001; }

// Overload sampling (kp_hit.h): a clock that advances 1000 ns a read, and
// the sampled calls' counters.
static unsigned long long host_clock;
static std::vector<const unsigned long *> host_samples;
unsigned long long kp_sample_begin(void) { return host_clock += 1000; }
void kp_sample_end(unsigned long *hits, unsigned long long t0)
{
	host_clock += 1000;
	(void)t0;
	host_samples.push_back(hits);
}

// A fixed stack: 0x1000, 0x2000, ... (at most 5 frames).
unsigned int kp_stack_save(unsigned long *entries, unsigned int max)
{
	unsigned int n = max < 5 ? max : 5;
	for (unsigned int i = 0; i < n; i++)
		entries[i] = 0x1000ul * (i + 1);
	return n;
}
int kp_stack_format(char *buf, unsigned long size, const unsigned long *entries, unsigned int n)
{
	int len = 0;
	if (!size)
		return 0;
	buf[0] = 0;
	for (unsigned int i = 0; i < n && (unsigned long)len < size; i++)
		len += std::snprintf(buf + len, size - len, "%s0x%lx", i ? " " : "", entries[i]);
	return len;
}

} // extern "C"

namespace host {
const std::vector<const unsigned long *> &samples() { return host_samples; }
void reset_samples() { host_samples.clear(); }
} // namespace host
