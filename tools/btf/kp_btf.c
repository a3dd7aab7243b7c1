// SPDX-License-Identifier: GPL-2.0
/*
 * tools/btf/kp_btf.c: BTF read with libbpf, for tools/kp-btf (see kp_btf.h).
 * Only libbpf's parser and accessors: no BTF parsing here.
 */
#define _GNU_SOURCE
#include "kp_btf.h"

#include <bpf/btf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <unistd.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct btf *kpb_open(const char *path, FILE *err)
{
	struct btf *btf = btf__parse(path, NULL);

	if (!btf) {
		int e = errno;
		/* a raw blob that btf__parse did not recognise */
		btf = btf__parse_raw(path);
		if (!btf) {
			if (err)
				fprintf(err, "kp-btf: %s: no BTF (%s)\n", path, strerror(e));
			return NULL;
		}
	}
	return btf;
}

/* ---- a growing string ----------------------------------------------------- */

struct str {
	char *p;
	size_t len, cap;
};

static void sappend(struct str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sappend(struct str *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = s->cap - s->len;
		va_start(ap, fmt);
		n = vsnprintf(s->p ? s->p + s->len : NULL, s->p ? room : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if (s->p && (size_t)n < room) {
			s->len += (size_t)n;
			return;
		}
		s->cap = (s->cap + (size_t)n + 64) * 2;
		s->p = realloc(s->p, s->cap);
		if (!s->p)
			abort();
	}
}

static const char *sstr(struct str *s) { return s->p ? s->p : ""; }

/* ---- C spelling (kp-btf list) ---------------------------------------------- */

static const char *tname(const struct btf *btf, const struct btf_type *t)
{
	return btf__name_by_offset(btf, t->name_off);
}

/* The type ID's C declaration of NAME ("" for none) into S. */
static void c_decl(const struct btf *btf, __u32 id, const char *name, struct str *s);

static void c_params(const struct btf *btf, const struct btf_type *proto, unsigned skip,
		     struct str *s)
{
	const struct btf_param *p = btf_params(proto);
	unsigned n = btf_vlen(proto), i, shown = 0;

	for (i = skip; i < n; i++) {
		if (shown++)
			sappend(s, ", ");
		if (!p[i].type && i == n - 1) { /* varargs */
			sappend(s, "...");
			continue;
		}
		c_decl(btf, p[i].type, btf__name_by_offset(btf, p[i].name_off), s);
	}
	if (!shown)
		sappend(s, "void");
}

static void c_decl(const struct btf *btf, __u32 id, const char *name, struct str *s)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const char *sep = name && *name ? " " : "";
	char *inner = NULL;

	if (!name)
		name = "";
	if (!id || !t) {
		sappend(s, "void%s%s", sep, name);
		return;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPEDEF:
		sappend(s, "%s%s%s", tname(btf, t), sep, name);
		return;
	case BTF_KIND_STRUCT:
		sappend(s, "struct %s%s%s", tname(btf, t), sep, name);
		return;
	case BTF_KIND_UNION:
		sappend(s, "union %s%s%s", tname(btf, t), sep, name);
		return;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		sappend(s, "enum %s%s%s", tname(btf, t), sep, name);
		return;
	case BTF_KIND_FWD:
		sappend(s, "%s %s%s%s", btf_kflag(t) ? "union" : "struct", tname(btf, t), sep, name);
		return;
	case BTF_KIND_CONST:
	case BTF_KIND_VOLATILE: {
		const char *q = btf_kind(t) == BTF_KIND_CONST ? "const" : "volatile";
		const struct btf_type *u = btf__type_by_id(btf, t->type);
		if (u && btf_is_ptr(u)) { /* T *const name */
			if (asprintf(&inner, "%s%s%s", q, sep, name) < 0)
				abort();
			c_decl(btf, t->type, inner, s);
		} else {
			sappend(s, "%s ", q);
			c_decl(btf, t->type, name, s);
		}
		free(inner);
		return;
	}
	case BTF_KIND_TYPE_TAG:
		c_decl(btf, t->type, name, s);
		sappend(s, " __%s", tname(btf, t));
		return;
	case BTF_KIND_PTR: {
		const struct btf_type *u = btf__type_by_id(btf, t->type);
		const char *tag = "";
		__u32 to = t->type;
		if (u && btf_is_type_tag(u)) {
			tag = !strcmp(tname(btf, u), "user") ? "__user " : "";
			to = u->type;
			u = btf__type_by_id(btf, to);
		}
		if (u && btf_is_func_proto(u)) { /* R (*name)(params) */
			c_decl(btf, u->type, "", s);
			sappend(s, " (*%s)(", name);
			c_params(btf, u, 0, s);
			sappend(s, ")");
			return;
		}
		if (asprintf(&inner, "%s*%s", tag, name) < 0)
			abort();
		/* "char *name", "struct file **name": no space between the stars */
		c_decl(btf, to, "", s);
		sappend(s, "%s%s", s->len && s->p[s->len - 1] == '*' ? "" : " ", inner);
		free(inner);
		return;
	}
	case BTF_KIND_ARRAY: {
		const struct btf_array *a = btf_array(t);
		c_decl(btf, a->type, name, s);
		sappend(s, "[%u]", a->nelems);
		return;
	}
	default:
		sappend(s, "/* BTF kind %u */%s%s", btf_kind(t), sep, name);
		return;
	}
}

/* ---- look-ups --------------------------------------------------------------- */

/* The FUNC_PROTO of function NAME, or of tracepoint NAME (btf_trace_NAME:
 * typedef of a pointer to a func proto whose first parameter is void *ctx). */
static const struct btf_type *find_proto(const struct btf *btf, const char *name, unsigned flags)
{
	const struct btf_type *t;
	char buf[512];
	__s32 id;

	if (flags & KPB_TRACEPOINT) {
		snprintf(buf, sizeof(buf), "btf_trace_%s", name);
		id = btf__find_by_name_kind(btf, buf, BTF_KIND_TYPEDEF);
		if (id <= 0)
			return NULL;
		t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
		if (!t || !btf_is_ptr(t))
			return NULL;
		t = btf__type_by_id(btf, t->type);
		return t && btf_is_func_proto(t) && btf_vlen(t) >= 1 ? t : NULL;
	}
	id = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	if (id <= 0)
		return NULL;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
	return t && btf_is_func_proto(t) ? t : NULL;
}

static void c_prototype(const struct btf *btf, const char *name, const struct btf_type *proto,
			unsigned flags, struct str *s)
{
	if (flags & KPB_TRACEPOINT) {
		sappend(s, "%s(", name);
		c_params(btf, proto, 1, s);
	} else {
		c_decl(btf, proto->type, name, s);
		sappend(s, "(");
		c_params(btf, proto, 0, s);
	}
	sappend(s, ")");
}

int kpb_prototype(const struct btf *btf, const char *name, unsigned flags, char *buf, size_t size)
{
	const struct btf_type *proto = find_proto(btf, name, flags);
	struct str s = {0};

	if (!proto)
		return -1;
	c_prototype(btf, name, proto, flags, &s);
	snprintf(buf, size, "%s", sstr(&s));
	free(s.p);
	return 0;
}

struct entry {
	const char *name;
	const struct btf_type *proto;
	unsigned flags;
};

static int by_name(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (int)x->flags - (int)y->flags;
}

int kpb_list(const struct btf *btf, const char *pattern, FILE *out)
{
	__u32 n = btf__type_cnt(btf), id, count = 0, i;
	struct entry *e = calloc(n, sizeof(*e));

	if (!e)
		abort();
	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const char *name = tname(btf, t);
		unsigned flags = 0;

		if (btf_is_typedef(t) && !strncmp(name, "btf_trace_", 10)) {
			name += 10;
			flags = KPB_TRACEPOINT;
		} else if (!btf_is_func(t)) {
			continue;
		}
		if (fnmatch(pattern, name, 0))
			continue;
		const struct btf_type *proto = find_proto(btf, name, flags);
		if (!proto)
			continue;
		/* a static function in several units: one line */
		if (!flags && btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) != (__s32)id)
			continue;
		e[count++] = (struct entry){name, proto, flags};
	}
	qsort(e, count, sizeof(*e), by_name);
	for (i = 0; i < count; i++) {
		struct str s = {0};
		c_prototype(btf, e[i].name, e[i].proto, e[i].flags, &s);
		fprintf(out, "%s %s\n", e[i].flags ? "tracepoint" : "func", sstr(&s));
		free(s.p);
	}
	free(e);
	return (int)count;
}

/* ---- the DSL's spelling (kp-btf scaffold) ------------------------------------ */

/* framework/kp/types.hpp's names, with the printf conversion of each */
static const struct {
	const char *name, *fmt;
} kp_scalars[] = {
	{"u8", "%u"},      {"s8", "%d"},     {"u16", "%u"},    {"s16", "%d"},
	{"u32", "%u"},     {"s32", "%d"},    {"u64", "%llu"},  {"s64", "%lld"},
	{"size_t", "%lu"}, {"ssize_t", "%ld"}, {"umode_t", "0%o"}, {"pid_t", "%d"},
	{"uid_t", "%u"},   {"gid_t", "%u"},  {"loff_t", "%lld"}, {"gfp_t", "0x%x"},
	{"dev_t", "%u"},
};

struct dsl {
	struct str type;    /* the C++ spelling */
	const char *fmt;    /* its printf conversion; NULL: a pointer */
	int user_char;      /* kp::User<const char *>: printed as a string */
	int by_value_error; /* a struct, union or array by value: no DSL spelling */
};

/* An integer type's C++ spelling and conversion, from its size, signedness
 * and (for long against long long) its name. */
static void dsl_int(const struct btf *btf, const struct btf_type *t, struct dsl *d)
{
	__u8 enc = btf_int_encoding(t);
	int sign = enc & BTF_INT_SIGNED;
	const char *name = tname(btf, t);

	if (enc & BTF_INT_BOOL) {
		sappend(&d->type, "bool");
		d->fmt = "%d";
		return;
	}
	switch (t->size) {
	case 1:
		sappend(&d->type, !strcmp(name, "char") ? "char" : sign ? "signed char" : "unsigned char");
		d->fmt = sign ? "%d" : "%u";
		break;
	case 2:
		sappend(&d->type, sign ? "short" : "unsigned short");
		d->fmt = sign ? "%d" : "%u";
		break;
	case 4:
		sappend(&d->type, sign ? "int" : "unsigned int");
		d->fmt = sign ? "%d" : "%u";
		break;
	default:
		if (strstr(name, "long long")) {
			sappend(&d->type, sign ? "long long" : "unsigned long long");
			d->fmt = sign ? "%lld" : "%llu";
		} else {
			sappend(&d->type, sign ? "long" : "unsigned long");
			d->fmt = sign ? "%ld" : "%lu";
		}
	}
}

/* Kernel fixed-width names (__u32, u32, __s64, ...): kp::u32. */
static int fixed_width(const char *name, char *out, size_t size)
{
	const char *p = name;
	while (*p == '_')
		p++;
	if ((p[0] != 'u' && p[0] != 's') || (strcmp(p + 1, "8") && strcmp(p + 1, "16") &&
					     strcmp(p + 1, "32") && strcmp(p + 1, "64")))
		return 0;
	snprintf(out, size, "%s", p);
	return 1;
}

static void add_forward(struct str *fwd, const char *name)
{
	char key[300];
	snprintf(key, sizeof(key), "struct %s;\n", name);
	if (!strstr(sstr(fwd), key))
		sappend(fwd, "%s", key);
}

static void dsl_pointee(const struct btf *btf, __u32 id, struct dsl *d, struct str *fwd);

/* A parameter's (or return value's) DSL type. */
static void dsl_type(const struct btf *btf, __u32 id, struct dsl *d, struct str *fwd)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	char fixed[16];
	unsigned i;

	if (!t || !id) {
		sappend(&d->type, "void");
		return;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_TYPEDEF:
		for (i = 0; i < sizeof(kp_scalars) / sizeof(kp_scalars[0]); i++)
			if (!strcmp(tname(btf, t), kp_scalars[i].name)) {
				sappend(&d->type, "kp::%s", kp_scalars[i].name);
				d->fmt = kp_scalars[i].fmt;
				return;
			}
		if (fixed_width(tname(btf, t), fixed, sizeof(fixed))) {
			for (i = 0; i < sizeof(kp_scalars) / sizeof(kp_scalars[0]); i++)
				if (!strcmp(fixed, kp_scalars[i].name)) {
					sappend(&d->type, "kp::%s", fixed);
					d->fmt = kp_scalars[i].fmt;
					return;
				}
		}
		dsl_type(btf, t->type, d, fwd); /* bool, ino_t, ...: what it stands for */
		return;
	case BTF_KIND_CONST:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		/* a by-value parameter's qualifiers are not part of its type */
		dsl_type(btf, t->type, d, fwd);
		return;
	case BTF_KIND_INT:
		dsl_int(btf, t, d);
		return;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64: {
		int sign = btf_kflag(t);
		if (t->size == 8) {
			sappend(&d->type, sign ? "long long" : "unsigned long long");
			d->fmt = sign ? "%lld" : "%llu";
		} else {
			sappend(&d->type, sign ? "int" : "unsigned int");
			d->fmt = sign ? "%d" : "%u";
		}
		return;
	}
	case BTF_KIND_PTR: {
		const struct btf_type *u = btf__type_by_id(btf, t->type);
		if (u && btf_is_type_tag(u) && !strcmp(tname(btf, u), "user")) {
			struct dsl in = {0};
			dsl_pointee(btf, u->type, &in, fwd);
			sappend(&d->type, "kp::User<%s *>", sstr(&in.type));
			d->user_char = !strcmp(sstr(&in.type), "const char") ||
				       !strcmp(sstr(&in.type), "char");
			free(in.type.p);
			return;
		}
		dsl_pointee(btf, t->type, d, fwd);
		sappend(&d->type, " *");
		return;
	}
	default:
		d->by_value_error = 1;
		c_decl(btf, id, "", &d->type);
		return;
	}
}

/* What a plain pointer points to, in the DSL: structs by name (forward
 * declared), scalars as their DSL type, const kept, anything else void. */
static void dsl_pointee(const struct btf *btf, __u32 id, struct dsl *d, struct str *fwd)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	struct dsl in = {0};

	if (!t || !id) {
		sappend(&d->type, "void");
		return;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_CONST:
		sappend(&d->type, "const ");
		dsl_pointee(btf, t->type, d, fwd);
		return;
	case BTF_KIND_VOLATILE:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		dsl_pointee(btf, t->type, d, fwd);
		return;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_FWD:
		if (*tname(btf, t)) {
			/* C++: a union is a class too; "struct X;" declares either */
			add_forward(fwd, tname(btf, t));
			sappend(&d->type, "%s", tname(btf, t));
		} else {
			sappend(&d->type, "void");
		}
		return;
	case BTF_KIND_TYPEDEF: {
		const struct btf_type *u = btf__type_by_id(btf, btf__resolve_type(btf, id));
		if (u && (btf_is_int(u) || btf_is_enum(u) || btf_is_ptr(u) || btf_is_enum64(u))) {
			dsl_type(btf, id, &in, fwd);
			sappend(&d->type, "%s", sstr(&in.type));
			free(in.type.p);
		} else if (u && (btf_is_struct(u) || btf_is_union(u)) && *tname(btf, u)) {
			add_forward(fwd, tname(btf, u));
			sappend(&d->type, "%s", tname(btf, u));
		} else {
			sappend(&d->type, "void"); /* e.g. pgd_t: an anonymous struct */
		}
		return;
	}
	case BTF_KIND_INT:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_PTR:
		dsl_type(btf, id, &in, fwd);
		sappend(&d->type, "%s", sstr(&in.type));
		free(in.type.p);
		return;
	default: /* functions, arrays: an opaque pointer */
		sappend(&d->type, "void");
		return;
	}
}

/* C++ keywords that are C identifiers (kernel parameters called new, class, ...) */
static int cxx_keyword(const char *name)
{
	static const char *const kw[] = {
		"alignas", "alignof", "and", "bool", "catch", "char8_t", "class", "concept",
		"consteval", "constexpr", "constinit", "co_await", "co_return", "co_yield",
		"decltype", "delete", "explicit", "export", "false", "friend", "mutable",
		"namespace", "new", "noexcept", "not", "nullptr", "operator", "or", "private",
		"protected", "public", "requires", "template", "this", "throw", "true", "try",
		"typeid", "typename", "using", "virtual", "xor",
	};
	unsigned i;

	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (!strcmp(name, kw[i]))
			return 1;
	return 0;
}

static void sanitize(char *p)
{
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_'))
			*p = '_';
}

int kpb_scaffold(const struct btf *btf, const char *symbol, unsigned flags, FILE *out, FILE *err)
{
	const struct btf_type *proto = find_proto(btf, symbol, flags & KPB_TRACEPOINT);
	int tp = !!(flags & KPB_TRACEPOINT), ret = (flags & KPB_RETURN) && !tp;
	unsigned n, i, skip = tp ? 1 : 0;
	const struct btf_param *p;
	struct str fwd = {0}, args = {0}, params = {0}, fmt = {0}, vals = {0}, proto_c = {0};
	struct str pre = {0};
	struct dsl rd = {0};
	char *fn;
	int rc = -1;

	if (!proto) {
		fprintf(err, "kp-btf: the kernel's BTF has no %s %s\n",
			tp ? "tracepoint" : "function", symbol);
		return -1;
	}
	n = btf_vlen(proto);
	p = btf_params(proto);
	if (n && !p[n - 1].type) {
		fprintf(err, "kp-btf: %s takes variable arguments: no kp::Args for it\n", symbol);
		return -1;
	}
	if (asprintf(&fn, "on_%s", symbol) < 0)
		abort();
	sanitize(fn);
	for (i = skip; i < n; i++) {
		struct dsl d = {0};
		char pname[64];
		const char *bn = btf__name_by_offset(btf, p[i].name_off);

		if (bn && *bn)
			snprintf(pname, sizeof(pname), "%s%s", bn, cxx_keyword(bn) ? "_" : "");
		else
			snprintf(pname, sizeof(pname), "arg%u", i - skip + 1);
		dsl_type(btf, p[i].type, &d, &fwd);
		if (d.by_value_error) {
			fprintf(err,
				"kp-btf: %s: argument %u (%s) is a %s passed by value: kp::Args "
				"takes scalars and pointers\n",
				symbol, i - skip + 1, pname, sstr(&d.type));
			free(d.type.p);
			goto out;
		}
		sappend(&args, "%s%s", i > skip ? ", " : "", sstr(&d.type));
		if (!ret)
			sappend(&params, "%s%s%s%s", i > skip ? ", " : "", sstr(&d.type),
				d.type.len && d.type.p[d.type.len - 1] == '*' ? "" : " ", pname);
		if (d.user_char) {
			sappend(&pre, "\tchar %s_str[64];\n\n\tif (%s.read_str(%s_str) < 0)\n"
				      "\t\t%s_str[0] = '\\0';\n",
				pname, pname, pname, pname);
			sappend(&fmt, " %s=\\\"%%s\\\"", pname);
			sappend(&vals, ", %s_str", pname);
		} else if (!strncmp(sstr(&d.type), "kp::User<", 9)) {
			sappend(&fmt, " %s=0x%%lx", pname);
			sappend(&vals, ", %s.addr()", pname);
		} else if (d.fmt) {
			sappend(&fmt, " %s=%s", pname, d.fmt);
			sappend(&vals, ", %s", pname);
		} else {
			sappend(&fmt, " %s=%%p", pname);
			sappend(&vals, ", (const void *)%s", pname);
		}
		free(d.type.p);
	}
	if (ret) {
		dsl_type(btf, proto->type, &rd, &fwd);
		if (rd.by_value_error || !proto->type) {
			fprintf(err, "kp-btf: %s returns %s: no kp::Returns for it\n", symbol,
				proto->type ? sstr(&rd.type) : "void");
			goto out;
		}
	}
	c_prototype(btf, symbol, proto, tp, &proto_c);

	fprintf(out, "// SPDX-License-Identifier: GPL-2.0\n");
	fprintf(out, "// Written by tools/kp-btf scaffold from the target kernel's BTF:\n");
	fprintf(out, "//   %s%s\n", tp ? "TP_PROTO " : "", sstr(&proto_c));
	fprintf(out, "#include \"kp.hpp\"\n\n");
	if (fwd.len)
		fprintf(out, "%s\n", sstr(&fwd));
	if (ret) {
		fprintf(out, "static void %s(%s ret)\n{\n", fn, sstr(&rd.type));
		fprintf(out, "\tkp_printk(\"%s: comm=%%s pid=%%d ret=%s\\n\", kp::current_comm().str,\n"
			     "\t\t  kp::current_pid(), %sret);\n}\n\n",
			symbol, rd.fmt ? rd.fmt : "%p", rd.fmt ? "" : "(const void *)");
		fprintf(out, "KP_PROBE(kp::Kretprobe<\"%s\", kp::Returns<%s>>, %s);\n", symbol,
			sstr(&rd.type), fn);
	} else {
		fprintf(out, "static void %s(%s)\n{\n%s%s", fn, params.len ? sstr(&params) : "",
			sstr(&pre), pre.len ? "\n" : "");
		fprintf(out, "\tkp_printk(\"%s: comm=%%s pid=%%d%s\\n\", kp::current_comm().str,\n"
			     "\t\t  kp::current_pid()%s);\n}\n\n",
			symbol, sstr(&fmt), sstr(&vals));
		fprintf(out, "KP_PROBE(kp::%s<\"%s\", kp::Args<%s>>, %s);\n",
			tp ? "Tracepoint" : "Kprobe", symbol, sstr(&args), fn);
	}
	rc = 0;
out:
	free(fn);
	free(fwd.p), free(args.p), free(params.p), free(fmt.p), free(vals.p), free(proto_c.p);
	free(pre.p), free(rd.type.p);
	return rc;
}

/* ---- the build-time check (tools/kp-btf check) -------------------------------- */

/* T without typedefs, qualifiers and type tags */
static __u32 strip(const struct btf *btf, __u32 id)
{
	const struct btf_type *t;

	while (id && (t = btf__type_by_id(btf, id)) &&
	       (btf_is_typedef(t) || btf_is_mod(t) || btf_is_type_tag(t)))
		id = t->type;
	return id;
}

/* What the check compares, said for a message: "(8 bytes, signed)", "(a
 * pointer to struct file)". */
static void describe_kernel(const struct btf *btf, __u32 id, struct str *s)
{
	const struct btf_type *t = btf__type_by_id(btf, strip(btf, id));

	if (!t || !id) {
		sappend(s, "void");
	} else if (btf_is_ptr(t)) {
		const struct btf_type *u = btf__type_by_id(btf, strip(btf, t->type));
		if (u && t->type && (btf_is_struct(u) || btf_is_union(u) || btf_is_fwd(u)))
			sappend(s, "(a pointer to %s %s)", btf_is_union(u) ? "union" : "struct",
				tname(btf, u));
		else
			sappend(s, "(a pointer)");
	} else if (btf_is_int(t)) {
		sappend(s, "(%u byte%s, %s)", t->size, t->size == 1 ? "" : "s",
			btf_int_encoding(t) & BTF_INT_BOOL     ? "bool"
			: btf_int_encoding(t) & BTF_INT_SIGNED ? "signed"
							       : "unsigned");
	} else if (btf_is_any_enum(t)) {
		sappend(s, "(an enum of %u bytes)", t->size);
	} else {
		sappend(s, "(passed by value)");
	}
}

static void describe_declared(const char *token, struct str *s)
{
	switch (token[0]) {
	case 'p':
		if (token[1] == ':')
			sappend(s, "(a pointer to struct %s)", token + 2);
		else
			sappend(s, "(a pointer)");
		return;
	case 'b':
		sappend(s, "(1 byte, bool)");
		return;
	case 'c':
		sappend(s, "(1 byte, char)");
		return;
	case 'i':
	case 'u': {
		unsigned n = (unsigned)atoi(token + 1);
		sappend(s, "(%u byte%s, %s)", n, n == 1 ? "" : "s",
			token[0] == 'i' ? "signed" : "unsigned");
		return;
	}
	default:
		sappend(s, "(not a scalar or pointer)");
	}
}

/* Does declared TOKEN fit kernel type ID? */
static int token_matches(const struct btf *btf, const char *token, __u32 id)
{
	const struct btf_type *t = btf__type_by_id(btf, strip(btf, id));

	if (!t || !id)
		return token[0] == 'v';
	if (token[0] == 'p') {
		if (!btf_is_ptr(t))
			return 0;
		if (token[1] != ':')
			return 1;
		const struct btf_type *u = btf__type_by_id(btf, strip(btf, t->type));
		return u && t->type && (btf_is_struct(u) || btf_is_union(u) || btf_is_fwd(u)) &&
		       !strcmp(tname(btf, u), token + 2);
	}
	if (btf_is_any_enum(t))
		return (token[0] == 'i' || token[0] == 'u') && (unsigned)atoi(token + 1) == t->size;
	if (!btf_is_int(t))
		return 0;
	if (btf_int_encoding(t) & BTF_INT_BOOL)
		return token[0] == 'b';
	if (token[0] == 'c')
		return t->size == 1;
	if (token[0] == 'b')
		return 0;
	if (token[0] != 'i' && token[0] != 'u')
		return 0;
	if ((unsigned)atoi(token + 1) != t->size)
		return 0;
	/* plain char in the kernel: its signedness is the build's -f[un]signed-char */
	if (t->size == 1 && !strcmp(tname(btf, t), "char"))
		return 1;
	return (token[0] == 'i') == !!(btf_int_encoding(t) & BTF_INT_SIGNED);
}

/* The compiler's spelling, the same from g++ and clang: without the DSL's
 * unnamed namespace, "unsigned long" for g++'s "long unsigned int", "T *"
 * for "T*". */
static void spelling(const char *s, struct str *out)
{
	static const char *const from[][2] = {
		{"{anonymous}::", ""},
		{"(anonymous namespace)::", ""},
		{"long long unsigned int", "unsigned long long"},
		{"long unsigned int", "unsigned long"},
		{"short unsigned int", "unsigned short"},
		{"long long int", "long long"},
		{"long int", "long"},
		{"short int", "short"},
	};
	unsigned i, n = sizeof(from) / sizeof(from[0]);

	while (*s) {
		/* a C spelling's attributes (__user is btf_type_tag("user") with clang): not shown */
		if (!strncmp(s, "__attribute__((", 15)) {
			int depth = 0;
			do
				depth += (*s == '(') - (*s == ')');
			while (*++s && depth);
			while (*s == ' ')
				s++;
			continue;
		}
		for (i = 0; i < n; i++)
			if (!strncmp(s, from[i][0], strlen(from[i][0]))) {
				sappend(out, "%s", from[i][1]);
				s += strlen(from[i][0]);
				break;
			}
		if (i < n)
			continue;
		if (*s == '*' && out->len && out->p[out->len - 1] != ' ' &&
		    out->p[out->len - 1] != '*')
			sappend(out, " ");
		sappend(out, "%c", *s++);
	}
}

static const char *const kind_names[][2] = {
	{"kprobe", "kp::Kprobe"}, {"kretprobe", "kp::Kretprobe"}, {"tracepoint", "kp::Tracepoint"},
	{"fentry", "kp::Fentry"}, {"fexit", "kp::Fexit"}};

/*
 * The C macros' records (framework/kprobe.h) spell pointers as P (and a
 * tracepoint's parameter declarations as D): the struct or union pointed
 * to comes from the spelling, "const struct file *" -> p:file; no
 * struct/union, or more than one '*' -> p; a D without '*' is not compared
 * (its type is not separate from its name).  The token to compare goes to
 * OUT; 0: nothing to compare.
 */
static int c_token(const char *token, const char *spell, char *out, size_t room)
{
	const char *star = strchr(spell, '*'), *p, *tag = NULL;
	size_t n;

	if (token[0] != 'P' && token[0] != 'D') {
		snprintf(out, room, "%s", token);
		return 1;
	}
	if (!star && token[0] == 'D')
		return 0;
	snprintf(out, room, "p");
	if (!star || strchr(star + 1, '*'))
		return 1;
	for (p = spell; p < star; p++)
		if ((!strncmp(p, "struct ", 7) || !strncmp(p, "union ", 6)) &&
		    (p == spell || p[-1] == ' ' || p[-1] == '('))
			tag = p + (p[0] == 's' ? 7 : 6);
	n = tag ? strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") : 0;
	if (n)
		snprintf(out, room, "p:%.*s", (int)n, tag);
	return 1;
}

/* One record: fields separated by \x1e (see framework/kp/btf_types.hpp). */
static int check_record(const struct btf *btf, char *rec, FILE *err)
{
	char *field[6], *p = rec, *save = NULL, *macro;
	char who[512], tok[256];
	const char *kind = NULL;
	unsigned nf = 0, i, nargs = 0, skip;
	const struct btf_type *proto;
	const struct btf_param *bp;
	char *args[64];
	int errors = 0, tp;

	while (nf < 6) {
		field[nf++] = p;
		p = strchr(p, '\x1e');
		if (!p)
			break;
		*p++ = '\0';
	}
	if (nf != 6)
		return 0; /* not a record of this version: nothing to say */
	/* "kprobe" (C++: kp::Kprobe<"sym">) or "kprobe/MACRO" (C: MACRO(sym)) */
	macro = strchr(field[1], '/');
	if (macro)
		*macro++ = '\0';
	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (!strcmp(field[1], kind_names[i][0]))
			kind = kind_names[i][1];
	if (!kind)
		return 0;
	if (macro)
		snprintf(who, sizeof(who), "%s(%s)", macro, field[2]);
	else
		snprintf(who, sizeof(who), "%s<\"%s\">", kind, field[2]);
	tp = !strcmp(field[1], "tracepoint");
	proto = find_proto(btf, field[2], tp ? KPB_TRACEPOINT : 0);
	if (!proto) {
		int opt = field[3][0] == '1';
		fprintf(err, "%s: %s: %s: the kernel (BTF) has no %s %s%s\n", field[0],
			opt ? "warning" : "error", who, tp ? "tracepoint" : "function",
			field[2], opt ? " (kp::Optional: it will not attach)" : "");
		return opt ? 0 : 1;
	}
	skip = tp ? 1 : 0;
	if (*field[5])
		for (p = strtok_r(field[5], "\x1f", &save); p && nargs < 64;
		     p = strtok_r(NULL, "\x1f", &save))
			args[nargs++] = p;
	bp = btf_params(proto);
	/* no kp::Args (a kretprobe's return only, a probe that counts): nothing to compare */
	if (nargs && nargs != btf_vlen(proto) - skip) {
		struct str s = {0};
		c_prototype(btf, field[2], proto, tp ? KPB_TRACEPOINT : 0, &s);
		fprintf(err, "%s: error: %s: %u argument%s declared, %u in the kernel: %s%s\n",
			field[0], who, nargs, nargs == 1 ? "" : "s",
			btf_vlen(proto) - skip, tp ? "TP_PROTO " : "", sstr(&s));
		free(s.p);
		return 1;
	}
	for (i = 0; i < nargs; i++) {
		char *eq = strchr(args[i], '=');
		const struct btf_param *kp = &bp[i + skip];
		if (!eq)
			continue;
		*eq = '\0';
		if (!c_token(args[i], eq + 1, tok, sizeof(tok)) || token_matches(btf, tok, kp->type))
			continue;
		struct str s = {0};
		spelling(eq + 1, &s);
		sappend(&s, " ");
		describe_declared(tok, &s);
		sappend(&s, ", the kernel has ");
		c_decl(btf, kp->type, btf__name_by_offset(btf, kp->name_off), &s);
		sappend(&s, " ");
		describe_kernel(btf, kp->type, &s);
		fprintf(err, "%s: error: %s: argument %u is declared %s\n", field[0], who, i + 1,
			sstr(&s));
		free(s.p);
		errors++;
	}
	if (*field[4]) {
		char *eq = strchr(field[4], '=');
		if (eq) {
			*eq = '\0';
			if (c_token(field[4], eq + 1, tok, sizeof(tok)) &&
			    !token_matches(btf, tok, proto->type)) {
				struct str s = {0};
				if (macro) {
					sappend(&s, "the return type ");
					spelling(eq + 1, &s);
					sappend(&s, " ");
				} else {
					sappend(&s, "kp::Returns<");
					spelling(eq + 1, &s);
					sappend(&s, "> ");
				}
				describe_declared(tok, &s);
				sappend(&s, ", the kernel returns ");
				c_decl(btf, proto->type, "", &s);
				sappend(&s, " ");
				describe_kernel(btf, proto->type, &s);
				fprintf(err, "%s: error: %s: %s\n", field[0], who, sstr(&s));
				free(s.p);
				errors++;
			}
		}
	}
	return errors;
}

/* Records in source order (g++ emits a section's variables in reverse). */
static int by_place(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t fx = strcspn(x, ":"), fy = strcspn(y, ":");
	int c = strncmp(x, y, fx < fy ? fx : fy);

	if (c || fx != fy)
		return c ? c : (int)fx - (int)fy;
	return atoi(x + fx + 1) - atoi(y + fy + 1);
}

int kpb_check_records(const struct btf *btf, const char *records, size_t len, FILE *err)
{
	size_t i = 0, n, count = 0, k;
	char **recs = calloc(len / 2 + 1, sizeof(*recs));
	int errors = 0;

	if (!recs)
		abort();
	while (i < len) {
		n = strnlen(records + i, len - i);
		if (n && !(recs[count++] = strndup(records + i, n)))
			abort();
		i += n + 1;
	}
	qsort(recs, count, sizeof(*recs), by_place);
	for (k = 0; k < count; k++) {
		errors += check_record(btf, recs[k], err);
		free(recs[k]);
	}
	free(recs);
	return errors;
}

/* Calls FN for every section of ELF object PATH: its sum, or -1 when PATH
 * cannot be read as ELF. */
typedef int (*section_fn)(Elf *elf, size_t shstrndx, GElf_Shdr *sh, Elf_Data *d, void *ctx);

static int each_section(const char *path, FILE *err, section_fn fn, void *ctx)
{
	int fd = open(path, O_RDONLY), rc = -1;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	Elf *elf;

	if (fd < 0) {
		fprintf(err, "kp-btf: %s: %s\n", path, strerror(errno));
		return -1;
	}
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_getshdrstrndx(elf, &shstrndx)) {
		fprintf(err, "kp-btf: %s: not an ELF object\n", path);
		goto out;
	}
	rc = 0;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;

		if (gelf_getshdr(scn, &sh) && (d = elf_getdata(scn, NULL)) && d->d_buf)
			rc += fn(elf, shstrndx, &sh, d, ctx);
	}
out:
	if (elf)
		elf_end(elf);
	close(fd);
	return rc;
}

struct check_ctx {
	const struct btf *btf;
	FILE *err;
};

static int check_section(Elf *elf, size_t shstrndx, GElf_Shdr *sh, Elf_Data *d, void *ctx)
{
	struct check_ctx *c = ctx;
	const char *name = elf_strptr(elf, shstrndx, sh->sh_name);

	/* .kp_types: C++ (stripped after the check); .discard.kp_types: the C
	 * macros (the module link's module.lds discards it) */
	if (!name || (strcmp(name, ".kp_types") && strcmp(name, ".discard.kp_types")) ||
	    sh->sh_type != SHT_PROGBITS)
		return 0;
	return kpb_check_records(c->btf, d->d_buf, d->d_size, c->err);
}

int kpb_check_object(const struct btf *btf, const char *path, FILE *err)
{
	struct check_ctx c = {btf, err};
	return each_section(path, err, check_section, &c);
}

/* ---- field reads (tools/kp-btf fields) ------------------------------------------- */

/* Member NAME of struct/union ID, anonymous members searched too: its byte
 * offset added to *OFF and its type, or 0 (*bitfield set for a bitfield). */
static __u32 find_member(const struct btf *btf, __u32 id, const char *name, size_t len,
			 unsigned long *off, int *bitfield)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const struct btf_member *m;
	unsigned i;

	if (!t || !(btf_is_struct(t) || btf_is_union(t)))
		return 0;
	m = btf_members(t);
	for (i = 0; i < btf_vlen(t); i++) {
		const char *mn = btf__name_by_offset(btf, m[i].name_off);
		__u32 bits = btf_member_bit_offset(t, i);
		if (mn && *mn) {
			if (strlen(mn) != len || strncmp(mn, name, len))
				continue;
			if (btf_member_bitfield_size(t, i) || bits % 8) {
				*bitfield = 1;
				return 0;
			}
			*off += bits / 8;
			return m[i].type;
		}
		/* an anonymous struct or union: its members are the outer one's */
		unsigned long inner = 0;
		__u32 found = find_member(btf, strip(btf, m[i].type), name, len, &inner, bitfield);
		if (found) {
			*off += bits / 8 + inner;
			return found;
		}
	}
	return 0;
}

int kpb_resolve_field(const struct btf *btf, const char *key, unsigned long *off, int max,
		      char *why, size_t why_size)
{
	const char *bar1 = strchr(key, '|'), *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
	char sname[256], path[512];
	const char *token, *p;
	__s32 sid;
	__u32 cur, ftype = 0;
	int hops = 0;

	if (!bar1 || !bar2 || (size_t)(bar1 - key) >= sizeof(sname) ||
	    (size_t)(bar2 - bar1 - 1) >= sizeof(path)) {
		snprintf(why, why_size, "malformed field key %s", key);
		return -1;
	}
	snprintf(sname, sizeof(sname), "%.*s", (int)(bar1 - key), key);
	snprintf(path, sizeof(path), "%.*s", (int)(bar2 - bar1 - 1), bar1 + 1);
	token = bar2 + 1;
	sid = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT);
	if (sid <= 0)
		sid = btf__find_by_name_kind(btf, sname, BTF_KIND_UNION);
	if (sid <= 0) {
		snprintf(why, why_size, "the kernel has no struct %s", sname);
		return -1;
	}
	cur = (__u32)sid;
	p = path;
	while (*p) {
		const char *hop_end = strstr(p, "->");
		const char *end = hop_end ? hop_end : p + strlen(p);
		const struct btf_type *ct = btf__type_by_id(btf, cur);
		unsigned long o = 0;

		if (hops >= max) {
			snprintf(why, why_size, "the path %s has too many ->", path);
			return -1;
		}
		while (p < end) {
			const char *dot = memchr(p, '.', (size_t)(end - p));
			size_t len = dot ? (size_t)(dot - p) : (size_t)(end - p);
			int bitfield = 0;
			__u32 inner = strip(btf, cur);

			ftype = find_member(btf, inner, p, len, &o, &bitfield);
			if (!ftype) {
				snprintf(why, why_size, "%s %s has no field %.*s%s",
					 btf_is_union(btf__type_by_id(btf, inner)) ? "union" : "struct",
					 tname(btf, btf__type_by_id(btf, inner)), (int)len, p,
					 bitfield ? " (it is a bitfield: no typed read)" : "");
				return -1;
			}
			cur = strip(btf, ftype);
			p += len + (dot ? 1 : 0);
			if (!dot)
				break;
		}
		(void)ct;
		off[hops++] = o;
		if (hop_end) {
			/* through a pointer to the next struct */
			const struct btf_type *pt = btf__type_by_id(btf, strip(btf, ftype));
			const struct btf_type *to = pt && btf_is_ptr(pt) ? btf__type_by_id(btf, strip(btf, pt->type)) : NULL;
			if (!to || !(btf_is_struct(to) || btf_is_union(to))) {
				struct str s = {0};
				c_decl(btf, ftype, "", &s);
				snprintf(why, why_size, "%.*s is %s, not a pointer to a struct: no -> after it",
					 (int)(hop_end - path), path, sstr(&s));
				free(s.p);
				return -1;
			}
			cur = strip(btf, pt->type);
			p = hop_end + 2;
		}
	}
	if (!token_matches(btf, token, ftype)) {
		struct str s = {0};
		sappend(&s, "struct %s's %s is ", sname, path);
		c_decl(btf, ftype, "", &s);
		sappend(&s, " ");
		describe_kernel(btf, ftype, &s);
		sappend(&s, ", read into ");
		describe_declared(token, &s);
		snprintf(why, why_size, "%s", sstr(&s));
		free(s.p);
		return -1;
	}
	return hops;
}

#define KP_FIELD_PREFIX "_ZN9kp_fields3offIJ"

/* kp_fields::off<'a','b',...>'s characters: Lc<decimal>E each, then EEE */
static int demangle_key(const char *sym, char *key, size_t size)
{
	const char *p = sym + strlen(KP_FIELD_PREFIX);
	size_t n = 0;

	while (!strncmp(p, "Lc", 2)) {
		char *e;
		long c = strtol(p + 2, &e, 10);
		if (*e != 'E' || c <= 0 || c > 127 || n + 1 >= size)
			return -1;
		key[n++] = (char)c;
		p = e + 1;
	}
	key[n] = '\0';
	return strcmp(p, "EEE") ? -1 : 0;
}

struct sym_list {
	char **list;
	size_t count;
};

/* The undefined kp_fields symbols of a symbol table, each once. */
static int field_symbols(Elf *elf, size_t shstrndx, GElf_Shdr *sh, Elf_Data *d, void *ctx)
{
	struct sym_list *l = ctx;
	size_t i, k;

	(void)shstrndx;
	if (sh->sh_type != SHT_SYMTAB || !sh->sh_entsize)
		return 0;
	for (i = 0; i < sh->sh_size / sh->sh_entsize; i++) {
		GElf_Sym s;
		const char *name;
		if (!gelf_getsym(d, (int)i, &s) || s.st_shndx != SHN_UNDEF ||
		    !(name = elf_strptr(elf, sh->sh_link, s.st_name)) ||
		    strncmp(name, KP_FIELD_PREFIX, strlen(KP_FIELD_PREFIX)))
			continue;
		for (k = 0; k < l->count && strcmp(l->list[k], name); k++)
			;
		if (k < l->count)
			continue;
		l->list = realloc(l->list, (l->count + 1) * sizeof(*l->list));
		if (!l->list || !(l->list[l->count++] = strdup(name)))
			abort();
	}
	return 0;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int kpb_fields(const struct btf *btf, char *const *objs, int n, FILE *out, FILE *err)
{
	int errors = 0, i;
	struct str seen = {0}; /* the symbols done, each followed by a newline */

	fprintf(out, "/* generated by tools/kp-btf fields: kp::read_field offsets */\n");
	for (i = 0; i < n; i++) {
		struct sym_list l = {NULL, 0};
		char **syms;
		size_t count, k;

		if (each_section(objs[i], err, field_symbols, &l)) {
			errors++;
			continue;
		}
		syms = l.list;
		count = l.count;
		qsort(syms, count, sizeof(*syms), by_str);
		for (k = 0; k < count; k++) {
			char key[512], why[1024];
			unsigned long off[16];
			int hops, h;
			char *line;

			/* the same field read in several objects: defined (and reported) once */
			if (asprintf(&line, "\n%s\n", syms[k]) < 0)
				abort();
			if (strstr(sstr(&seen), line)) {
				free(line);
				free(syms[k]);
				continue;
			}
			sappend(&seen, "%s", line + (seen.len ? 1 : 0));
			free(line);
			if (demangle_key(syms[k], key, sizeof(key))) {
				fprintf(err, "%s: error: kp::read_field: cannot read the symbol %s\n",
					objs[i], syms[k]);
				errors++;
			} else if (!btf) {
				*strrchr(key, '|') = '\0';
				fprintf(err, "%s: error: kp::read_field<\"%s\">: field reads need the "
					     "target kernel's BTF (KP_BTF=FILE, or the headers' vmlinux)\n",
					objs[i], strchr(key, '|') + 1);
				errors++;
			} else if ((hops = kpb_resolve_field(btf, key, off, 16, why, sizeof(why))) < 0) {
				char *bar = strrchr(key, '|');
				*bar = '\0';
				fprintf(err, "%s: error: kp::read_field<\"%s\"> on struct %.*s: %s\n",
					objs[i], strchr(key, '|') + 1, (int)strcspn(key, "|"), key, why);
				errors++;
			} else {
				fprintf(out, "\t.section .rodata.kp_fields,\"a\"\n\t.balign 8\n");
				fprintf(out, "\t.globl %s\n%s:\n\t/* %s */\n", syms[k], syms[k], key);
				for (h = 0; h < hops; h++)
					fprintf(out, "\t.quad %lu\n", off[h]);
			}
			free(syms[k]);
		}
		free(syms);
	}
	free(seen.p);
	return errors;
}

/* ---- struct fields the kernel core reads (tools/kp-btf offsets) ------------------------ */

int kpb_member(const struct btf *btf, const char *sname, const char *field, unsigned long *off,
	       unsigned long *size)
{
	__s32 sid = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT);
	__u32 ftype;
	__s64 sz;
	int bitfield = 0;

	*off = 0;
	if (sid <= 0)
		return -1;
	ftype = find_member(btf, (__u32)sid, field, strlen(field), off, &bitfield);
	if (!ftype)
		return -1;
	sz = btf__resolve_size(btf, ftype);
	if (sz < 0)
		return -1;
	*size = (unsigned long)sz;
	return 0;
}

int kpb_offsets(const struct btf *btf, char *const *specs, int n, FILE *out, FILE *err)
{
	int i, errors = 0;

	fprintf(out, "/* generated by tools/kp-btf offsets: struct fields the core reads, from the "
		     "target kernel's BTF */\n");
	for (i = 0; i < n; i++) {
		char name[128], sname[128], field[128];
		unsigned long off, size;

		if (sscanf(specs[i], "%127[A-Za-z0-9_]=%127[A-Za-z0-9_].%127[A-Za-z0-9_]", name, sname,
			   field) != 3) {
			fprintf(err, "kp-btf offsets: %s is not NAME=STRUCT.FIELD\n", specs[i]);
			errors++;
		} else if (!btf) {
			fprintf(out, "/* %s: no BTF (KP_BTF=FILE, or the headers' vmlinux) */\n", name);
		} else if (kpb_member(btf, sname, field, &off, &size)) {
			fprintf(out, "/* %s: BTF has no struct %s with a field %s */\n", name, sname, field);
		} else {
			fprintf(out, "#define %s_OFFSET %lu /* struct %s, %s */\n#define %s_SIZE %lu\n",
				name, off, sname, field, name, size);
		}
	}
	return errors;
}
