// SPDX-License-Identifier: GPL-2.0
/*
 * Module parameters, control commands and status lines.  See kp_control.h.
 * No kernel headers: also compiled on the host and tested against a fake
 * backend.
 */
#include "kp_control.h"

static int kp_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int kp_is_pattern(const char *s, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	return 0;
}

/* ---- module parameters ------------------------------------------------------- */

/* One load error: module parameter <param>: <before>"<item>"<after>. */
static int kp_param_error(const char *param, const char *before, const char *item,
			  unsigned long n, const char *after)
{
	char text[2 * KP_NAME_MAX + 64];
	struct kp_out o;

	kp_out_init(&o, text, sizeof(text));
	kp_out_str(&o, "module parameter ");
	kp_out_str(&o, param);
	kp_out_str(&o, ": ");
	kp_out_str(&o, before);
	kp_out_str(&o, "\"");
	kp_out_mem(&o, item, n < KP_NAME_MAX ? n : KP_NAME_MAX);
	kp_out_str(&o, n < KP_NAME_MAX ? "\"" : "...\"");
	kp_out_str(&o, after);
	kp_backend_message(KP_MSG_ERR, text);
	return -KP_EINVAL;
}

static int kp_select_item(struct kp_registry *r, const char *param, const char *item,
			  unsigned long n, unsigned int want, int apply)
{
	unsigned int i;
	int idx;

	if (kp_is_pattern(item, n)) {
		char pattern[2 * KP_NAME_MAX];
		struct kp_out o;

		if (n >= sizeof(pattern))
			return kp_param_error(param, "the pattern ", item, n, " is too long");
		kp_out_init(&o, pattern, sizeof(pattern));
		kp_out_mem(&o, item, n);
		for (i = 0; apply && i < r->count; i++)
			if (kp_backend_glob(pattern, r->rt[i].name))
				r->rt[i].want |= want;
		return 0;
	}
	idx = kp_registry_find(r, item, n);
	if (idx < 0)
		return kp_param_error(param, "no probe is named ", item, n, "");
	if (apply)
		r->rt[idx].want |= want;
	return 0;
}

int kp_registry_select(struct kp_registry *r, const char *param, const char *list,
		       unsigned int want)
{
	int apply;

	/* two passes: nothing changes unless every item is valid */
	for (apply = 0; list && apply < 2; apply++) {
		const char *p = list;

		while (*p) {
			const char *item, *end;
			int err;

			while (kp_blank(*p) || *p == ',')
				p++;
			item = p;
			while (*p && *p != ',')
				p++;
			end = p;
			while (end > item && kp_blank(end[-1]))
				end--;
			if (end == item)
				continue;
			err = kp_select_item(r, param, item, end - item, want, apply);
			if (err)
				return err;
		}
	}
	return 0;
}

void kp_registry_want_all(struct kp_registry *r, unsigned int want)
{
	unsigned int i;

	for (i = 0; i < r->count; i++)
		r->rt[i].want |= want;
}

/* ---- control ----------------------------------------------------------------- */

static const char kp_ctl_usage[] = "expected: enable|disable NAME|INDEX|all";

int kp_ctl_parse(const struct kp_registry *r, const char *buf, unsigned long len,
		 struct kp_ctl *c, struct kp_out *why)
{
	const char *word[3];
	unsigned long wlen[3], i;
	unsigned int n = 0;

	if (len > KP_CTL_MAX) {
		kp_out_str(why, "command too long (");
		kp_out_uint(why, len);
		kp_out_str(why, " bytes, at most ");
		kp_out_uint(why, KP_CTL_MAX);
		kp_out_str(why, ")");
		return -KP_EINVAL;
	}
	if (len && buf[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			kp_out_str(why, "one command per write");
			return -KP_EINVAL;
		}
		if ((buf[i] < ' ' && buf[i] != '\t') || buf[i] > '~') {
			kp_out_str(why, "a non-printable character in the command");
			return -KP_EINVAL;
		}
	}
	for (i = 0; i < len;) {
		if (kp_blank(buf[i])) {
			i++;
			continue;
		}
		if (n == 3)
			break;
		word[n] = buf + i;
		while (i < len && !kp_blank(buf[i]))
			i++;
		wlen[n] = buf + i - word[n];
		n++;
	}
	if (n == 0) {
		kp_out_str(why, "empty command; ");
		kp_out_str(why, kp_ctl_usage);
		return -KP_EINVAL;
	}
	if (wlen[0] == 6 && !__builtin_memcmp(word[0], "enable", 6)) {
		c->enable = 1;
	} else if (wlen[0] == 7 && !__builtin_memcmp(word[0], "disable", 7)) {
		c->enable = 0;
	} else {
		kp_out_str(why, "unknown command \"");
		kp_out_mem(why, word[0], wlen[0]);
		kp_out_str(why, "\"; ");
		kp_out_str(why, kp_ctl_usage);
		return -KP_EINVAL;
	}
	if (n == 1) {
		kp_out_mem(why, word[0], wlen[0]);
		kp_out_str(why, " needs a probe: NAME, INDEX or all");
		return -KP_EINVAL;
	}
	if (n == 3) {
		kp_out_str(why, "unexpected \"");
		kp_out_mem(why, word[2], wlen[2]);
		kp_out_str(why, "\" after the probe");
		return -KP_EINVAL;
	}
	if (wlen[1] == 3 && !__builtin_memcmp(word[1], "all", 3)) {
		c->pos = KP_CTL_ALL;
		return 0;
	}
	for (i = 0; i < wlen[1] && word[1][i] >= '0' && word[1][i] <= '9'; i++)
		;
	if (i == wlen[1]) {
		unsigned long v = 0;

		for (i = 0; i < wlen[1] && v <= r->count; i++)
			v = v * 10 + (word[1][i] - '0');
		if (v < r->count) {
			c->pos = (unsigned int)v;
			return 0;
		}
		kp_out_str(why, "no probe has index ");
		kp_out_mem(why, word[1], wlen[1]);
		if (r->count) {
			kp_out_str(why, " (0 to ");
			kp_out_uint(why, r->count - 1);
			kp_out_str(why, ")");
		}
		return -KP_EINVAL;
	}
	{
		int idx = kp_registry_find(r, word[1], wlen[1]);

		if (idx >= 0) {
			for (i = 0; r->order[i] != (unsigned int)idx; i++)
				;
			c->pos = (unsigned int)i;
			return 0;
		}
	}
	kp_out_str(why, "no probe is named \"");
	kp_out_mem(why, word[1], wlen[1]);
	kp_out_str(why, "\"");
	return -KP_EINVAL;
}

static int kp_registered(unsigned int state)
{
	return state == KP_ST_ENABLED || state == KP_ST_DISABLED;
}

int kp_registry_control(struct kp_registry *r, const char *buf, unsigned long len)
{
	char text[KP_CTL_MAX + KP_NAME_MAX + 96];
	struct kp_out why;
	struct kp_ctl c;
	unsigned int pos, first, last;
	int err, ret = 0, sync = 0;

	kp_out_init(&why, text, sizeof(text));
	kp_out_str(&why, "control: ");
	err = kp_ctl_parse(r, buf, len, &c, &why);
	if (!err && c.pos != KP_CTL_ALL && !kp_registered(r->rt[r->order[c.pos]].state)) {
		const struct kp_probe_rt *rt = &r->rt[r->order[c.pos]];

		kp_out_str(&why, "probe ");
		kp_out_uint(&why, c.pos);
		kp_out_str(&why, " \"");
		kp_out_str(&why, rt->name);
		kp_out_str(&why, rt->state == KP_ST_SKIPPED ? "\" is skipped" : "\" is excluded");
		kp_out_str(&why, ": it is not registered");
		err = -KP_EINVAL;
	}
	if (err) {
		kp_backend_message(KP_MSG_WARN, text);
		return err;
	}
	first = c.pos == KP_CTL_ALL ? 0 : c.pos;
	last = c.pos == KP_CTL_ALL ? r->registered : c.pos + 1;
	for (pos = first; pos < last; pos++) {
		unsigned int idx = r->order[pos];
		struct kp_probe_rt *rt = &r->rt[idx];
		unsigned int want = c.enable ? KP_ST_ENABLED : KP_ST_DISABLED;

		if (!kp_registered(rt->state) || rt->state == want)
			continue;
		/* "all" goes on after a failure: disarm as much as possible */
		err = kp_backend_set_enabled(r->begin[idx], idx, c.enable);
		if (err) {
			if (!ret)
				ret = err;
			continue;
		}
		rt->state = want;
		rt->overloaded = 0;
		if (!c.enable)
			sync |= r->begin[idx]->kind == KP_KIND_TRACEPOINT ? KP_SYNC_TRACEPOINTS
									 : KP_SYNC_KPROBES;
	}
	if (sync)
		kp_backend_sync(sync);
	return ret;
}

int kp_registry_overload(struct kp_registry *r, unsigned int idx, unsigned int cpu,
			 unsigned int percent, unsigned int ms, unsigned int limit)
{
	struct kp_probe_rt *rt = &r->rt[idx];
	const struct kp_probe_desc *d = r->begin[idx];
	char text[KP_NAME_MAX + 256];
	struct kp_out o;
	int err;

	if (rt->state != KP_ST_ENABLED)
		return 0;
	err = kp_backend_set_enabled(d, idx, 0);
	if (err)
		return err;
	rt->state = KP_ST_DISABLED;
	rt->overloaded = 1;
	kp_out_init(&o, text, sizeof(text));
	kp_out_str(&o, "overload: ");
	kp_out_str(&o, kp_kind_name(d->kind));
	kp_out_str(&o, " ");
	kp_out_str(&o, rt->name);
	kp_out_str(&o, " (");
	kp_out_str(&o, d->symbol);
	kp_out_str(&o, ") disabled: its handlers used about ");
	kp_out_uint(&o, percent);
	kp_out_str(&o, "% of CPU ");
	kp_out_uint(&o, cpu);
	kp_out_str(&o, " over ");
	kp_out_uint(&o, ms);
	kp_out_str(&o, " ms (timed 1 call in 256; overload_limit=");
	kp_out_uint(&o, limit);
	kp_out_str(&o, "); `enable ");
	kp_out_str(&o, rt->name);
	kp_out_str(&o, "` in the control file arms it again");
	/* the line as soon as it is disarmed; then the wait for handlers in flight */
	kp_backend_message(KP_MSG_WARN, text);
	kp_backend_sync(d->kind == KP_KIND_TRACEPOINT ? KP_SYNC_TRACEPOINTS : KP_SYNC_KPROBES);
	return 0;
}

/* ---- status ------------------------------------------------------------------ */

void kp_status_header(struct kp_out *o)
{
	kp_out_str(o, "index\tkind\tname\tsymbol\taddress\tstate\thits\tmissed\tmaxactive\n");
}

static void kp_out_opt(struct kp_out *o, int have, long v)
{
	if (have)
		kp_out_int(o, v);
	else
		kp_out_str(o, "-");
}

void kp_status_line(const struct kp_registry *r, unsigned int pos,
		    const struct kp_status_vals *v, struct kp_out *o)
{
	unsigned int idx = r->order[pos];
	const struct kp_probe_desc *d = r->begin[idx];
	const struct kp_probe_rt *rt = &r->rt[idx];

	kp_out_uint(o, pos);
	kp_out_str(o, "\t");
	kp_out_str(o, kp_kind_name(d->kind));
	kp_out_str(o, "\t");
	kp_out_str(o, rt->name);
	kp_out_str(o, "\t");
	kp_out_str(o, d->symbol);
	if (d->kind == KP_KIND_INTERVAL) {
		kp_out_str(o, "@");
		kp_out_uint(o, d->period_ms);
		kp_out_str(o, "ms");
	} else if (d->kind == KP_KIND_KPROBE || d->kind == KP_KIND_KRETPROBE || d->kind == KP_KIND_FEXIT ||
		   (d->kind == KP_KIND_FENTRY && !(d->flags & KP_F_PATTERN))) {
		/* a pattern (kp::FentryMatch) is shown as it is */
		kp_out_str(o, "+");
		kp_out_hex(o, d->offset);
	}
	kp_out_str(o, "\t");
	kp_out_str(o, v->addr && kp_registered(rt->state) ? v->addr : "-");
	kp_out_str(o, "\t");
	switch (rt->state) {
	case KP_ST_ENABLED:
	case KP_ST_DISABLED:
		kp_out_str(o, v->gone ? "gone"
				      : rt->state == KP_ST_ENABLED ? "enabled"
				      : rt->overloaded		  ? "disabled (overload)"
								  : "disabled");
		break;
	case KP_ST_SKIPPED:
		kp_out_str(o, "skipped ");
		if (v->error)
			kp_out_str(o, v->error);
		else
			kp_out_int(o, rt->error);
		break;
	case KP_ST_EXCLUDED:
		kp_out_str(o, "excluded");
		break;
	default:
		kp_out_str(o, "-");
	}
	kp_out_str(o, "\t");
	if (v->have & KP_HAVE_HITS)
		kp_out_uint(o, v->hits);
	else
		kp_out_str(o, "-");
	kp_out_str(o, "\t");
	if (v->have & KP_HAVE_MISSED)
		kp_out_uint(o, v->missed);
	else
		kp_out_str(o, "-");
	kp_out_str(o, "\t");
	kp_out_opt(o, (v->have & KP_HAVE_MAXACTIVE) != 0, v->maxactive);
	kp_out_str(o, "\n");
}
