// SPDX-License-Identifier: GPL-2.0
/*
 * Maps, the kernel side: every map of the "kp_maps" section (kp_abi.h) gets
 * its per-CPU tables at load, before any probe registers: a per-CPU pointer
 * (alloc_percpu) to each CPU's table (kvzalloc_node on the CPU's node: a
 * table can be larger than the per-CPU allocator's 32 KiB units).  The hot
 * path (framework/kp_map.h) reads that pointer with one this_cpu_read.
 *   /sys/kernel/debug/kp-<module>/maps/<name>
 *     read: the merged text (kp_map_read.c), a snapshot taken at open;
 *     write "clear": empties every CPU's table and the drop count.
 * At unload, after the last handler finished: every map's text into the
 * module's trace instance (kp_trace_printf, kp_output.c: a reader of
 * instances/<module>/trace_pipe sees it), one dmesg line per map (name,
 * entries, drops), then the tables are freed.
 */

#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kprobes.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/uaccess.h>

#include "kp_core.h"
#include "kp_map_read.h"

extern const struct kp_map_desc *const __kp_maps_begin[];
extern const struct kp_map_desc *const __kp_maps_end[];

static DEFINE_MUTEX(kp_maps_lock);
static struct dentry *kp_maps_dir;

#define kp_maps_each(e) for (e = __kp_maps_begin; e < __kp_maps_end; e++)

static size_t kp_maps_count(void)
{
	return __kp_maps_end - __kp_maps_begin;
}

/* kp_map.h's per-CPU pointer read where the arch has no inline one (arm64). */
void notrace *kp_percpu_read_ptr(void *const *pcp)
{
	return this_cpu_read(*(void *__percpu __force *)pcp);
}
NOKPROBE_SYMBOL(kp_percpu_read_ptr);

static void __percpu **kp_map_pcpu(const struct kp_map_desc *d)
{
	return (void __percpu **)(void __force __percpu *)d->state->tables;
}

static kp_map_word *kp_map_cpu_table(const struct kp_map_desc *d, int cpu)
{
	return *per_cpu_ptr(kp_map_pcpu(d), cpu);
}

static void kp_map_free(const struct kp_map_desc *d)
{
	int cpu;

	if (!d->state->tables)
		return;
	for_each_possible_cpu(cpu)
		kvfree(kp_map_cpu_table(d, cpu));
	free_percpu(kp_map_pcpu(d));
	d->state->tables = NULL;
}

void kp_maps_free(void)
{
	const struct kp_map_desc *const *e;

	kp_maps_each(e)
		kp_map_free(*e);
}

int kp_maps_init(void)
{
	const struct kp_map_desc *const *e, *const *o;

	kp_maps_each(e) {
		const char *why = kp_map_malformed(*e);

		if (why) {
			kp_err("map %s (%s:%u): %s\n", *e && (*e)->name ? (*e)->name : "?",
			       *e ? (*e)->file : "?", *e ? (*e)->line : 0, why);
			return -EINVAL;
		}
		for (o = __kp_maps_begin; o < e; o++)
			if (!strcmp((*o)->name, (*e)->name)) {
				kp_err("map %s (%s:%u): the name is taken (first at %s:%u): -EEXIST\n",
				       (*e)->name, (*e)->file, (*e)->line, (*o)->file, (*o)->line);
				return -EEXIST;
			}
	}
	kp_maps_each(e) {
		const struct kp_map_desc *d = *e;
		void __percpu **pcpu = alloc_percpu(void *);
		int cpu;

		if (!pcpu)
			goto nomem;
		d->state->tables = (void **)(void __force *)pcpu;
		for_each_possible_cpu(cpu) {
			void *t = kvzalloc_node(kp_map_table_bytes(d), GFP_KERNEL, cpu_to_node(cpu));

			if (!t)
				goto nomem;
			*per_cpu_ptr(pcpu, cpu) = t;
		}
	}
	return 0;
nomem:
	kp_maps_free();
	return -ENOMEM;
}

/* The merged view of d into a new buffer (kvfree it); NULL without memory. */
static void *kp_map_snapshot(const struct kp_map_desc *d, struct kp_map_view *v)
{
	unsigned int ncpu = nr_cpu_ids;
	kp_map_word **tables = kvcalloc(ncpu, sizeof(*tables), GFP_KERNEL);
	void *scratch = kvmalloc(kp_map_scratch_bytes(d, ncpu), GFP_KERNEL);
	int cpu;

	if (!tables || !scratch) {
		kvfree(tables);
		kvfree(scratch);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		tables[cpu] = kp_map_cpu_table(d, cpu);
	kp_map_merge(v, d, tables, ncpu, scratch);
	kvfree(tables);
	return scratch;
}

struct kp_map_text {
	size_t len;
	char buf[];
};

/* The text of a merged view, in a new buffer (kvfree it), or NULL. */
static struct kp_map_text *kp_map_text_of(const struct kp_map_view *v)
{
	struct kp_map_text *text;
	struct kp_out o;

	kp_out_init(&o, NULL, 0);
	kp_map_render(v, &o); /* measures */
	text = kvmalloc(sizeof(*text) + o.len + 1, GFP_KERNEL);
	if (text) {
		kp_out_init(&o, text->buf, o.len + 1);
		kp_map_render(v, &o);
		text->len = o.len;
	}
	return text;
}

static int kp_map_open(struct inode *inode, struct file *f)
{
	const struct kp_map_desc *d = inode->i_private;
	struct kp_map_text *text;
	struct kp_map_view v;
	void *scratch;

	if (!(f->f_mode & FMODE_READ))
		return 0;
	scratch = kp_map_snapshot(d, &v);
	if (!scratch)
		return -ENOMEM;
	text = kp_map_text_of(&v);
	kvfree(scratch);
	f->private_data = text;
	return text ? 0 : -ENOMEM;
}

static ssize_t kp_map_read(struct file *f, char __user *ubuf, size_t len, loff_t *off)
{
	struct kp_map_text *text = f->private_data;

	return text ? simple_read_from_buffer(ubuf, len, off, text->buf, text->len) : -EINVAL;
}

static ssize_t kp_map_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	const struct kp_map_desc *d = file_inode(f)->i_private;
	char cmd[8] = {};
	int cpu;

	if (len > sizeof(cmd) - 1 || copy_from_user(cmd, ubuf, len))
		return -EINVAL;
	if (strcmp(strim(cmd), "clear"))
		return -EINVAL;
	mutex_lock(&kp_maps_lock);
	for_each_possible_cpu(cpu)
		kp_map_clear_table(d, kp_map_cpu_table(d, cpu));
	mutex_unlock(&kp_maps_lock);
	return len;
}

static int kp_map_release(struct inode *inode, struct file *f)
{
	kvfree(f->private_data);
	return 0;
}

static const struct file_operations kp_map_fops = {
	.owner = THIS_MODULE,
	.open = kp_map_open,
	.read = kp_map_read,
	.write = kp_map_write,
	.release = kp_map_release,
	.llseek = default_llseek,
};

void kp_maps_debugfs(struct dentry *dir)
{
	const struct kp_map_desc *const *e;

	if (IS_ERR_OR_NULL(dir) || kp_maps_count() == 0)
		return;
	kp_maps_dir = debugfs_create_dir("maps", dir);
	kp_maps_each(e)
		debugfs_create_file((*e)->name, 0600, kp_maps_dir, (void *)*e, &kp_map_fops);
}

/* Every non-empty line of the text into the trace instance. */
static void kp_map_trace(const struct kp_map_text *text)
{
	const char *s = text->buf, *end = text->buf + text->len;

	while (s < end) {
		const char *nl = memchr(s, '\n', end - s);
		int n = nl ? nl - s : end - s;

		if (n)
			kp_trace_printf("%.*s\n", n, s);
		s += n + 1;
	}
}

void kp_maps_exit(void)
{
	const struct kp_map_desc *const *e;

	kp_maps_each(e) {
		struct kp_map_view v;
		void *scratch = kp_map_snapshot(*e, &v);
		struct kp_map_text *text = scratch ? kp_map_text_of(&v) : NULL;

		if (text)
			kp_map_trace(text);
		kvfree(text);
		if (scratch)
			kp_info("map %s: %lu %s, %llu dropped\n", (*e)->name, v.n,
				v.n == 1 ? "entry" : "entries", v.drops);
		kvfree(scratch);
	}
	kp_maps_free();
}
