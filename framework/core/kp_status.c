// SPDX-License-Identifier: GPL-2.0
/*
 * Run-time visibility and control: /sys/kernel/debug/kp-<module>/
 *   probes   the status: a header line, then one line per probe
 *            (kp_control.h, kp_status_line)
 *   control  "enable|disable NAME|INDEX|all", one command per write
 * Both go through one mutex, so a status read never sees a half-applied
 * command.  The directory is named kp-<module> because the kernel's own
 * /sys/kernel/debug/kprobes/ is taken by the default module name.
 */

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "../kp_hit.h"
#include "kp_core.h"

static DEFINE_MUTEX(kp_status_lock);
static struct kp_registry *kp_status_reg;
static struct dentry *kp_status_dir;

/* Under kp_status_lock: too big for the stack. */
static char kp_status_text[KSYM_SYMBOL_LEN + 32];
static char kp_status_linebuf[KP_NAME_MAX + KSYM_NAME_LEN + KSYM_SYMBOL_LEN + 128];
static char kp_control_buf[KP_CTL_MAX];

/* kp_hit() (kp_hit.h) where the arch has no inline per-CPU increment (arm64). */
int notrace kp_hit_count(unsigned long *hits)
{
	return this_cpu_inc_return(*(unsigned long __percpu __force *)hits) % KP_SAMPLE_EVERY == 0;
}
NOKPROBE_SYMBOL(kp_hit_count);

/* seq_file positions: 0 the header, 1 + i the probe at order position i */
static void *kp_probes_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&kp_status_lock);
	return *pos <= kp_status_reg->registered ? (void *)(uintptr_t)(*pos + 1) : NULL;
}

static void *kp_probes_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return *pos <= kp_status_reg->registered ? (void *)(uintptr_t)(*pos + 1) : NULL;
}

static void kp_probes_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&kp_status_lock);
}

static int kp_probes_show(struct seq_file *m, void *v)
{
	unsigned long at = (uintptr_t)v - 1;
	struct kp_out o;

	kp_out_init(&o, kp_status_linebuf, sizeof(kp_status_linebuf));
	if (!at) {
		kp_status_header(&o);
	} else {
		struct kp_status_vals vals;
		unsigned int pos = at - 1;

		kp_backend_status(kp_status_reg->order[pos], &vals, kp_status_text,
				  sizeof(kp_status_text));
		kp_status_line(kp_status_reg, pos, &vals, &o);
	}
	seq_puts(m, kp_status_linebuf);
	return 0;
}

static const struct seq_operations kp_probes_sops = {
	.start = kp_probes_start,
	.next = kp_probes_next,
	.stop = kp_probes_stop,
	.show = kp_probes_show,
};
DEFINE_SEQ_ATTRIBUTE(kp_probes);

static ssize_t kp_control_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	size_t n = min_t(size_t, len, sizeof(kp_control_buf));
	int err;

	mutex_lock(&kp_status_lock);
	err = copy_from_user(kp_control_buf, ubuf, n) ? -EFAULT : 0;
	/* the registry rejects len > KP_CTL_MAX before it reads the bytes */
	if (!err)
		err = kp_registry_control(kp_status_reg, kp_control_buf, len);
	mutex_unlock(&kp_status_lock);
	return err ? err : len;
}

static const struct file_operations kp_control_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = kp_control_write,
	.llseek = noop_llseek,
};

void kp_status_overload(unsigned int idx, unsigned int cpu, unsigned int percent,
			unsigned int ms, unsigned int limit)
{
	mutex_lock(&kp_status_lock);
	kp_registry_overload(kp_status_reg, idx, cpu, percent, ms, limit);
	mutex_unlock(&kp_status_lock);
}

int kp_status_enabled(unsigned int idx)
{
	/* a racy read is fine: the overload check only skips disabled probes */
	return READ_ONCE(kp_status_reg->rt[idx].state) == KP_ST_ENABLED;
}

void kp_status_init(struct kp_registry *r)
{
	char name[MODULE_NAME_LEN + 3];

	kp_status_reg = r;
	/* debugfs failures are not load errors: its calls take error pointers */
	snprintf(name, sizeof(name), "kp-%s", kp_modname());
	kp_status_dir = debugfs_create_dir(name, NULL);
	debugfs_create_file("probes", 0444, kp_status_dir, NULL, &kp_probes_fops);
	debugfs_create_file("control", 0200, kp_status_dir, NULL, &kp_control_fops);
}

struct dentry *kp_status_debugfs_dir(void)
{
	return kp_status_dir;
}

void kp_status_exit(void)
{
	/* waits for reads and writes in progress to finish */
	debugfs_remove(kp_status_dir);
	kp_status_dir = NULL;
}
