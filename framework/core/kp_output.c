// SPDX-License-Identifier: GPL-2.0
/*
 * Handler output: the module's own ftrace instance,
 * /sys/kernel/tracing/instances/<module>/, created at load and removed at
 * unload (kp_output_init/kp_output_exit, called by kp_main.c around
 * registration, so the instance outlives every handler).  Handlers write
 * with kp_trace_printf (kp_abi.h), which is trace_array_printk(): a per-CPU
 * buffer and the lock-free ring buffer, no sleeping lock, safe in any
 * handler context.
 *
 * printk instead of the instance where the kernel has none (CONFIG_TRACING
 * off, or trace_array_get_by_name failed: one line says so), or when asked
 * with the module parameter output=printk.
 *
 * Nothing is lost silently: the ring buffer overwrites its oldest lines
 * when it is full; the instance's own per_cpu/cpuN/stats show that
 * ("overrun:") while it lives, and unload prints one line with the lines
 * written and the overruns summed over the CPUs before removing it.
 *
 * trace_array_destroy() refuses with -EBUSY while user space holds a file
 * of the instance open (a reader blocked in trace_pipe holds it forever):
 * then the instance is left in place with one line saying so, our
 * reference dropped, and `rmdir /sys/kernel/tracing/instances/<module>`
 * removes it once the reader is gone.  Its lines stay readable; nothing in
 * it points into the module (the text is copied into the ring buffer, the
 * recorded ip is kp_trace_printf's address, only resolved to a name when
 * read).
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/ring_buffer.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/version.h>

#include "../kp_abi.h"
#include "kp_core.h"

static char *output = "trace";
module_param(output, charp, 0444);
MODULE_PARM_DESC(output, "where kp_trace_printf/kp::print write: trace (the module's ftrace instance, default) or printk");

/* NULL: printk.  Set before the first probe registers, cleared after the last handler ran. */
static struct trace_array *kp_tr;
/*
 * Lines written, per CPU: formatted and handed to the ring buffer.  A line
 * the ring buffer then refuses because user space stopped the instance
 * (tracing_on 0) is counted here but in neither loss counter.
 */
static unsigned long __percpu *kp_lines;

/*
 * The instance's ring buffer, for its loss counters: the kernel exports the
 * counters (ring_buffer_overruns, ring_buffer_dropped_events_cpu) but no
 * accessor from a trace_array to its buffer, and its stats files cannot be
 * read from the kernel (tracefs files have no read_iter for kernel_read; an
 * open file would also hold the instance, and fput only runs when the
 * unloading task returns to user space).  So: the head of struct
 * trace_array (kernel/trace/trace.h, not in the headers packages; as in
 * 6.12's source, and the check below holds in the 6.1 and 6.12 guests):
 *	struct trace_array { struct list_head list; char *name;
 *		struct array_buffer { struct trace_array *tr;
 *			struct trace_buffer *buffer; ... } array_buffer; ... };
 * A private header cannot be asserted at build time: the mirror is checked
 * at load instead, by the buffer's back pointer (array_buffer.tr == tr),
 * and unused when that does not hold (the unload line then says the
 * overruns are unknown; the stats files still show them).
 */
struct kp_trace_array_head {
	struct list_head list;
	char *name;
	struct trace_array *buffer_tr;
	struct trace_buffer *buffer;
};

static struct trace_buffer *kp_buffer_of(struct trace_array *tr)
{
	const struct kp_trace_array_head *h = (const void *)tr;

	return h->buffer_tr == tr && h->buffer ? h->buffer : NULL;
}

void kp_trace_vprintf(const char *fmt, va_list args)
{
	struct trace_array *tr = READ_ONCE(kp_tr);
	struct va_format vaf;
	va_list ap;
	int n;

	/* a va_list parameter may be an array decayed to a pointer (x86_64): copy it */
	va_copy(ap, args);
	vaf.fmt = fmt;
	vaf.va = &ap;
	/* the ip the line shows: "...: kp_trace_printf: TEXT" whoever called */
	if (tr)
		n = trace_array_printk(tr, (unsigned long)kp_trace_printf, "%pV", &vaf);
	else
		n = kp_info("%pV", &vaf);
	va_end(ap);
	if (n > 0 && kp_lines)
		this_cpu_inc(*kp_lines);
}

void kp_trace_printf(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kp_trace_vprintf(fmt, args);
	va_end(args);
}

int kp_output_init(void)
{
	struct trace_array *tr;
	int err;

	kp_lines = alloc_percpu(unsigned long);
	if (!kp_lines)
		return -ENOMEM;
	if (!strcmp(output, "printk"))
		return 0;
	if (strcmp(output, "trace")) {
		kp_err("output=%s: want trace or printk: -EINVAL\n", output);
		free_percpu(kp_lines);
		kp_lines = NULL;
		return -EINVAL;
	}
	if (!IS_ENABLED(CONFIG_TRACING)) {
		kp_warn("output: the kernel has no ftrace instances (CONFIG_TRACING off): printk\n");
		return 0;
	}
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	tr = trace_array_get_by_name(kp_modname(), NULL);
#else
	tr = trace_array_get_by_name(kp_modname());
#endif
	if (!tr) {
		kp_warn("output: cannot create the trace instance %s: printk\n", kp_modname());
		return 0;
	}
	err = trace_array_init_printk(tr);
	if (err) {
		kp_warn("output: trace instance %s: trace_array_init_printk: %pe: printk\n",
			kp_modname(), ERR_PTR(err));
		trace_array_put(tr);
		trace_array_destroy(tr);
		return 0;
	}
	WRITE_ONCE(kp_tr, tr);
	if (kp_buffer_of(tr))
		kp_info("output: trace instance %s\n", kp_modname());
	else
		kp_warn("output: trace instance %s: struct trace_array differs from the mirror: overruns not reported at unload\n",
			kp_modname());
	return 0;
}

/* After every handler ran for the last time (every probe unregistered, timers stopped). */
void kp_output_exit(void)
{
	struct trace_array *tr = kp_tr;
	struct trace_buffer *buffer;
	unsigned long lines = 0, overrun, dropped = 0;
	int cpu, err;

	if (!kp_lines)
		return;
	for_each_possible_cpu(cpu)
		lines += *per_cpu_ptr(kp_lines, cpu);
	free_percpu(kp_lines);
	kp_lines = NULL;
	if (!tr) {
		kp_info("output: printk: %lu lines written\n", lines);
		return;
	}
	/* without CONFIG_TRACING tr is never set, and no ring_buffer symbol is referenced */
	buffer = IS_ENABLED(CONFIG_TRACING) ? kp_buffer_of(tr) : NULL;
	if (buffer) {
		overrun = ring_buffer_overruns(buffer);
		for_each_possible_cpu(cpu)
			dropped += ring_buffer_dropped_events_cpu(buffer, cpu);
		kp_info("output: trace instance %s: %lu lines written, %lu overrun, %lu dropped\n",
			kp_modname(), lines, overrun, dropped);
	} else {
		kp_info("output: trace instance %s: %lu lines written, overruns unknown (the layout check failed at load; see per_cpu/cpuN/stats)\n",
			kp_modname(), lines);
	}
	WRITE_ONCE(kp_tr, NULL);
	trace_array_put(tr);
	err = trace_array_destroy(tr);
	if (err)
		kp_warn("output: trace instance %s left in place: %pe (a reader holds it open); rmdir /sys/kernel/tracing/instances/%s when done\n",
			kp_modname(), ERR_PTR(err), kp_modname());
}
