// SPDX-License-Identifier: GPL-2.0
// tools/btf (tools/kp-btf): prototypes, listing and scaffolds on BTF built
// here with libbpf's writer (btf__new_empty, btf__add_*), and on BTF that
// pahole -J made from a C file compiled with -g (the ELF .BTF path).
#include <gtest/gtest.h>

#include <bpf/btf.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <utility>

#include "tools/btf/kp_btf.h"

namespace {

// A kernel in miniature: the 6.12 do_mmap, vfs_fsync_range, a function with
// a __user pointer (type tag), a tracepoint, a by-value struct argument.
struct Kernel {
	btf *b = btf__new_empty();
	int t_int, t_uint, t_ulong, t_llong, t_char, t_bool, t_file, t_list, t_task;

	// A FUNC_PROTO returning RET with PARAMS (name, type)
	int proto_of(int ret, std::initializer_list<std::pair<const char *, int>> params)
	{
		int fp = btf__add_func_proto(b, ret);
		for (auto &[name, type] : params)
			btf__add_func_param(b, name, type);
		return fp;
	}

	struct member {
		const char *name;
		int type;
		unsigned bit_offset, bit_size;
	};
	int add_members(int id, std::initializer_list<member> ms)
	{
		for (auto &m : ms)
			btf__add_field(b, m.name, m.type, m.bit_offset, m.bit_size);
		return id;
	}
	int add_struct(const char *name, unsigned size, std::initializer_list<member> ms)
	{
		return add_members(btf__add_struct(b, name, size), ms);
	}
	int add_union(const char *name, unsigned size, std::initializer_list<member> ms)
	{
		return add_members(btf__add_union(b, name, size), ms);
	}

	Kernel()
	{
		t_int = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
		t_uint = btf__add_int(b, "unsigned int", 4, 0);
		t_ulong = btf__add_int(b, "long unsigned int", 8, 0);
		t_llong = btf__add_int(b, "long long int", 8, BTF_INT_SIGNED);
		t_char = btf__add_int(b, "char", 1, BTF_INT_SIGNED);
		t_bool = btf__add_int(b, "_Bool", 1, BTF_INT_BOOL);
		t_file = btf__add_struct(b, "file", 8);
		btf__add_field(b, "f_flags", t_uint, 0, 0);
		t_list = btf__add_fwd(b, "list_head", BTF_FWD_STRUCT);
		t_task = btf__add_struct(b, "task_struct", 16);
		int loff = btf__add_typedef(b, "loff_t", t_llong);
		int vmf = btf__add_typedef(b, "vm_flags_t", t_ulong);
		int pid = btf__add_typedef(b, "pid_t", t_int);
		int u32 = btf__add_typedef(b, "__u32", t_uint);

		// (btf__add_func_param adds to the type added last: every type a
		// prototype refers to is added before it)
		// unsigned long do_mmap(struct file *file, unsigned long addr, ...)
		int p_file = btf__add_ptr(b, t_file);
		int p_ulong = btf__add_ptr(b, t_ulong), p_list = btf__add_ptr(b, t_list);
		int fp = proto_of(t_ulong, {{"file", p_file}, {"addr", t_ulong}, {"len", t_ulong},
					    {"prot", t_ulong}, {"flags", t_ulong}, {"vm_flags", vmf},
					    {"pgoff", t_ulong}, {"populate", p_ulong}, {"uf", p_list}});
		btf__add_func(b, "do_mmap", BTF_FUNC_GLOBAL, fp);

		// int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
		fp = proto_of(t_int, {{"file", p_file}, {"start", loff}, {"end", loff}, {"datasync", t_int}});
		btf__add_func(b, "vfs_fsync_range", BTF_FUNC_STATIC, fp);

		// long kp_user_name(const char __user *name, __u32 len, bool new, int *const out)
		int cchar = btf__add_const(b, t_char);
		int user = btf__add_type_tag(b, "user", cchar);
		int t_long = btf__add_int(b, "long int", 8, BTF_INT_SIGNED);
		int p_user = btf__add_ptr(b, user);
		int cp_int = btf__add_const(b, btf__add_ptr(b, t_int));
		fp = proto_of(t_long, {{"name", p_user}, {"len", u32}, {"new", t_bool}, {"out", cp_int}});
		btf__add_func(b, "kp_user_name", BTF_FUNC_GLOBAL, fp);

		// TP_PROTO(struct task_struct *p, pid_t old_pid): btf_trace_task_exec
		int p_void = btf__add_ptr(b, 0), p_task = btf__add_ptr(b, t_task);
		fp = proto_of(0, {{"", p_void}, {"", p_task}, {"", pid}});
		btf__add_typedef(b, "btf_trace_task_exec", btf__add_ptr(b, fp));

		// field reads: struct kfile { unsigned f_flags; struct kpath f_path; int
		// f_bits:3; }, struct kpath { void *mnt; struct kdentry *dentry; },
		// struct kdentry { int d_flags; struct kqstr d_name; }, struct kqstr {
		// union { struct { u32 hash; u32 len; }; u64 hash_len; }; const
		// unsigned char *name; }
		int u64 = btf__add_int(b, "long long unsigned int", 8, 0);
		int uchar = btf__add_int(b, "unsigned char", 1, 0);
		int p_cuchar = btf__add_ptr(b, btf__add_const(b, uchar));
		int anon_s = add_struct("", 8, {{"hash", u32, 0, 0}, {"len", u32, 32, 0}});
		int anon_u = add_union("", 8, {{"", anon_s, 0, 0}, {"hash_len", u64, 0, 0}});
		int qstr = add_struct("kqstr", 16, {{"", anon_u, 0, 0}, {"name", p_cuchar, 64, 0}});
		int dentry = add_struct("kdentry", 24, {{"d_flags", t_int, 0, 0}, {"d_name", qstr, 64, 0}});
		int p_dentry = btf__add_ptr(b, dentry);
		int path = add_struct("kpath", 16, {{"mnt", p_void, 0, 0}, {"dentry", p_dentry, 64, 0}});
		add_struct("kfile", 32, {{"f_flags", t_uint, 0, 0}, {"f_path", path, 64, 0},
					 {"f_bits", t_int, 192, 3}});

		// void takes_struct(struct file f)
		fp = proto_of(0, {{"f", t_file}});
		btf__add_func(b, "takes_struct", BTF_FUNC_GLOBAL, fp);
	}
	~Kernel() { btf__free(b); }
};

std::string capture(int (*fn)(FILE *, void *), void *arg, int *rc = nullptr)
{
	char *buf = nullptr;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int r = fn(f, arg);
	fclose(f);
	if (rc)
		*rc = r;
	std::string s(buf ? buf : "");
	free(buf);
	return s;
}

struct ScaffoldCall {
	const btf *b;
	const char *sym;
	unsigned flags;
	std::string err;
};

std::string scaffold(ScaffoldCall &c, int *rc)
{
	return capture(
		[](FILE *out, void *p) {
			auto *c = static_cast<ScaffoldCall *>(p);
			char *ebuf = nullptr;
			size_t elen = 0;
			FILE *err = open_memstream(&ebuf, &elen);
			int r = kpb_scaffold(c->b, c->sym, c->flags, out, err);
			fclose(err);
			c->err = ebuf ? ebuf : "";
			free(ebuf);
			return r;
		},
		&c, rc);
}

// A scaffold that must succeed, without a message.
std::string scaffold_ok(const btf *b, const char *sym, unsigned flags = 0)
{
	ScaffoldCall c{b, sym, flags, ""};
	int rc = -2;
	std::string s = scaffold(c, &rc);
	EXPECT_EQ(rc, 0) << sym;
	EXPECT_EQ(c.err, "") << sym;
	return s;
}

#define EXPECT_HAS(s, part) EXPECT_NE((s).find(part), std::string::npos) << (s)

struct ListCall {
	const btf *b;
	const char *pat;
};

std::string list(const btf *b, const char *pattern, int *n)
{
	ListCall a{b, pattern};
	return capture(
		[](FILE *f, void *p) {
			auto *a = static_cast<ListCall *>(p);
			return kpb_list(a->b, a->pat, f);
		},
		&a, n);
}

std::string proto(const btf *b, const char *name, unsigned flags = 0)
{
	char buf[1024];
	return kpb_prototype(b, name, flags, buf, sizeof(buf)) ? "<none>" : buf;
}

TEST(Btf, Prototypes)
{
	Kernel k;
	EXPECT_EQ(proto(k.b, "do_mmap"),
		  "long unsigned int do_mmap(struct file *file, long unsigned int addr, long "
		  "unsigned int len, long unsigned int prot, long unsigned int flags, vm_flags_t "
		  "vm_flags, long unsigned int pgoff, long unsigned int *populate, struct list_head "
		  "*uf)");
	EXPECT_EQ(proto(k.b, "kp_user_name"),
		  "long int kp_user_name(const char __user *name, __u32 len, _Bool new, int *const out)");
	EXPECT_EQ(proto(k.b, "task_exec", KPB_TRACEPOINT),
		  "task_exec(struct task_struct *, pid_t)");
	// a tracepoint is not a function and the other way round
	EXPECT_EQ(proto(k.b, "task_exec"), "<none>");
	EXPECT_EQ(proto(k.b, "do_mmap", KPB_TRACEPOINT), "<none>");
}

TEST(Btf, ListMatchesFunctionsAndTracepointsSorted)
{
	Kernel k;
	int n = 0;
	std::string s = list(k.b, "*_*", &n);
	EXPECT_EQ(n, 5);
	EXPECT_EQ(s, "func long unsigned int do_mmap(struct file *file, long unsigned int addr, "
		     "long unsigned int len, long unsigned int prot, long unsigned int flags, "
		     "vm_flags_t vm_flags, long unsigned int pgoff, long unsigned int *populate, "
		     "struct list_head *uf)\n"
		     "func long int kp_user_name(const char __user *name, __u32 len, _Bool new, int "
		     "*const out)\n"
		     "func void takes_struct(struct file f)\n"
		     "tracepoint task_exec(struct task_struct *, pid_t)\n"
		     "func int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int "
		     "datasync)\n");
	s = list(k.b, "vfs_*", &n);
	EXPECT_EQ(n, 1);
	s = list(k.b, "nothing*", &n);
	EXPECT_EQ(n, 0);
	EXPECT_EQ(s, "");
}

TEST(Btf, ScaffoldFunction)
{
	Kernel k;
	ScaffoldCall c{k.b, "vfs_fsync_range", 0, ""};
	int rc = -2;
	EXPECT_EQ(scaffold(c, &rc),
		  "// SPDX-License-Identifier: GPL-2.0\n"
		  "// Written by tools/kp-btf scaffold from the target kernel's BTF:\n"
		  "//   int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)\n"
		  "#include \"kp.hpp\"\n"
		  "\n"
		  "struct file;\n"
		  "\n"
		  "static void on_vfs_fsync_range(file *file, kp::loff_t start, kp::loff_t end, int "
		  "datasync)\n"
		  "{\n"
		  "\tkp_printk(\"vfs_fsync_range: comm=%s pid=%d file=%p start=%lld end=%lld "
		  "datasync=%d\\n\", kp::current_comm().str,\n"
		  "\t\t  kp::current_pid(), (const void *)file, start, end, datasync);\n"
		  "}\n"
		  "\n"
		  "KP_PROBE(kp::Kprobe<\"vfs_fsync_range\", kp::Args<file *, kp::loff_t, kp::loff_t, "
		  "int>>, on_vfs_fsync_range);\n");
	EXPECT_EQ(rc, 0);
	EXPECT_EQ(c.err, "");
}

TEST(Btf, ScaffoldNineArgumentDoMmap)
{
	Kernel k;
	std::string s = scaffold_ok(k.b, "do_mmap");
	EXPECT_HAS(s, "KP_PROBE(kp::Kprobe<\"do_mmap\", kp::Args<file *, unsigned long, unsigned "
			 "long, unsigned long, unsigned long, unsigned long, unsigned long, unsigned "
			 "long *, list_head *>>, on_do_mmap);\n");
	EXPECT_HAS(s, "struct file;\nstruct list_head;\n");
}

TEST(Btf, ScaffoldUserPointerBoolAndKeywords)
{
	Kernel k;
	std::string s = scaffold_ok(k.b, "kp_user_name");
	EXPECT_HAS(s, "kp::Args<kp::User<const char *>, kp::u32, bool, int *>>");
	EXPECT_HAS(s, "static void on_kp_user_name(kp::User<const char *> name, kp::u32 len, "
			 "bool new_, int *out)\n");
	EXPECT_HAS(s, "\tchar name_str[64];\n\n\tif (name.read_str(name_str) < 0)\n");
	EXPECT_HAS(s, "name=\\\"%s\\\" len=%u new_=%d out=%p");
}

TEST(Btf, ScaffoldTracepointDropsCtx)
{
	Kernel k;
	std::string s = scaffold_ok(k.b, "task_exec", KPB_TRACEPOINT);
	EXPECT_HAS(s, "//   TP_PROTO task_exec(struct task_struct *, pid_t)\n");
	EXPECT_HAS(s, "static void on_task_exec(task_struct *arg1, kp::pid_t arg2)\n");
	EXPECT_HAS(s, "KP_PROBE(kp::Tracepoint<\"task_exec\", kp::Args<task_struct *, "
			 "kp::pid_t>>, on_task_exec);\n");
}

TEST(Btf, ScaffoldKretprobe)
{
	Kernel k;
	std::string s = scaffold_ok(k.b, "do_mmap", KPB_RETURN);
	EXPECT_HAS(s, "static void on_do_mmap(unsigned long ret)\n");
	EXPECT_HAS(s, "ret=%lu\\n");
	EXPECT_HAS(s, "KP_PROBE(kp::Kretprobe<\"do_mmap\", kp::Returns<unsigned long>>, "
			 "on_do_mmap);\n");
}

TEST(Btf, ScaffoldErrors)
{
	Kernel k;
	int rc = 0;
	ScaffoldCall c{k.b, "no_such_function", 0, ""};
	EXPECT_EQ(scaffold(c, &rc), "");
	EXPECT_EQ(rc, -1);
	EXPECT_EQ(c.err, "kp-btf: the kernel's BTF has no function no_such_function\n");
	// positive control for the same name space: the tracepoint is there, not as a function
	ScaffoldCall t{k.b, "task_exec", 0, ""};
	EXPECT_EQ(scaffold(t, &rc), "");
	EXPECT_EQ(t.err, "kp-btf: the kernel's BTF has no function task_exec\n");
	ScaffoldCall v{k.b, "takes_struct", 0, ""};
	EXPECT_EQ(scaffold(v, &rc), "");
	EXPECT_EQ(rc, -1);
	EXPECT_EQ(v.err, "kp-btf: takes_struct: argument 1 (f) is a struct file passed by value: "
			 "kp::Args takes scalars and pointers\n");
	ScaffoldCall r{k.b, "takes_struct", KPB_RETURN, ""};
	EXPECT_EQ(scaffold(r, &rc), "");
	EXPECT_EQ(r.err, "kp-btf: takes_struct: argument 1 (f) is a struct file passed by value: "
			 "kp::Args takes scalars and pointers\n");
}

// The raw blob written to a file and read back through kpb_open.
TEST(Btf, OpenRawBlob)
{
	Kernel k;
	__u32 size = 0;
	const void *raw = btf__raw_data(k.b, &size);
	ASSERT_NE(raw, nullptr);
	char path[] = "/tmp/kp-btf-test-XXXXXX";
	int fd = mkstemp(path);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(write(fd, raw, size), (ssize_t)size);
	close(fd);
	btf *b = kpb_open(path, stderr);
	ASSERT_NE(b, nullptr);
	EXPECT_EQ(proto(b, "vfs_fsync_range"),
		  "int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)");
	btf__free(b);
	// a file that is not BTF
	FILE *f = fopen(path, "w");
	fputs("not BTF\n", f);
	fclose(f);
	EXPECT_EQ(kpb_open(path, nullptr), nullptr);
	unlink(path);
}

// The records a host compile of btf_probes.cpp wrote (framework/kp/btf_types.hpp)
// against the miniature kernel: one line per finding, in source order; the
// probes that match (fsync_ok, exec_ok, user_ok) and the kp::Offset probe say
// nothing.
// kpb_check_object on PATH against the miniature kernel: its messages; *errors its count
std::string check_object(const Kernel &k, const char *path, int *errors)
{
	char *buf = nullptr;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	*errors = kpb_check_object(k.b, path, err);
	fclose(err);
	std::string out(buf ? buf : "");
	free(buf);
	return out;
}

TEST(Btf, CheckObject)
{
	Kernel k;
	int errors;
	std::string out = check_object(k, KP_BTF_PROBES_OBJ, &errors);
	const std::string f = KP_BTF_PROBES_SRC;
	EXPECT_EQ(errors, 6); // the warning is not an error
	EXPECT_EQ(out,
		  f + ":20: error: kp::Kprobe<\"do_mmap\">: 8 arguments declared, 9 in the kernel: "
		      "long unsigned int do_mmap(struct file *file, long unsigned int addr, long "
		      "unsigned int len, long unsigned int prot, long unsigned int flags, vm_flags_t "
		      "vm_flags, long unsigned int pgoff, long unsigned int *populate, struct "
		      "list_head *uf)\n" +
			  f + ":21: error: kp::Kprobe<\"vfs_fsync_range\">: argument 2 is declared int "
			      "(4 bytes, signed), the kernel has loff_t start (8 bytes, signed)\n" +
			  f + ":22: error: kp::Kprobe<\"vfs_fsync_range\">: argument 1 is declared "
			      "unsigned long (8 bytes, unsigned), the kernel has struct file *file (a "
			      "pointer to struct file)\n" +
			  f + ":25: error: kp::Tracepoint<\"task_exec\">: argument 1 is declared file * "
			      "(a pointer to struct file), the kernel has struct task_struct * (a pointer "
			      "to struct task_struct)\n" +
			  f + ":26: error: kp::Kretprobe<\"do_mmap\">: kp::Returns<int> (4 bytes, "
			      "signed), the kernel returns long unsigned int (8 bytes, unsigned)\n" +
			  f + ":27: warning: kp::Kprobe<\"kp_gone\">: the kernel (BTF) has no function "
			      "kp_gone (kp::Optional: it will not attach)\n" +
			  f + ":28: error: kp::Kprobe<\"kp_gone_required\">: the kernel (BTF) has no "
			      "function kp_gone_required\n");
}

// The seed's C macros write the same records (framework/kprobe.h): pointers
// as P with the struct from the spelling, a tracepoint's declarations as D.
// Lines 22, 25 and 29 are right (a __user pointer, bool, a tracepoint): no
// message for them.
TEST(Btf, CheckCObject)
{
	Kernel k;
	int errors;
	std::string out = check_object(k, KP_BTF_PROBES_C_OBJ, &errors);
	const std::string f = KP_BTF_PROBES_C_SRC;
	EXPECT_EQ(errors, 7);
	EXPECT_EQ(out,
		  f + ":23: error: KPROBE_HANDLER_DEFINE3(vfs_fsync_range): 3 arguments declared, 4 "
		      "in the kernel: int vfs_fsync_range(struct file *file, loff_t start, loff_t "
		      "end, int datasync)\n" +
			  f + ":24: error: KPROBE_HANDLER_DEFINE4(vfs_fsync_range): argument 1 is "
			      "declared struct list_head * (a pointer to struct list_head), the kernel "
			      "has struct file *file (a pointer to struct file)\n" +
			  f + ":24: error: KPROBE_HANDLER_DEFINE4(vfs_fsync_range): argument 2 is "
			      "declared int (4 bytes, signed), the kernel has loff_t start (8 bytes, "
			      "signed)\n" +
			  f + ":26: error: KPROBE_HANDLER_DEFINE1(kp_gone_c): the kernel (BTF) has no "
			      "function kp_gone_c\n" +
			  f + ":28: error: KRETPROBE_RET_HANDLER_DEFINE(do_mmap): the return type int "
			      "(4 bytes, signed), the kernel returns long unsigned int (8 bytes, "
			      "unsigned)\n" +
			  f + ":30: error: TRACEPOINT_HANDLER_DEFINE(task_exec): argument 1 is declared "
			      "struct file *p (a pointer to struct file), the kernel has struct "
			      "task_struct * (a pointer to struct task_struct)\n" +
			  f + ":31: error: TRACEPOINT_HANDLER_DEFINE(task_exec): 1 argument declared, 2 "
			      "in the kernel: TP_PROTO task_exec(struct task_struct *, pid_t)\n");
}

TEST(Btf, CheckRecordsSkipsForeignText)
{
	Kernel k;
	// a record of another version (too few fields) and padding say nothing
	const char recs[] = "x.cpp:1\x1e"
			    "kprobe\x1e"
			    "do_mmap\0\0\0";
	EXPECT_EQ(kpb_check_records(k.b, recs, sizeof(recs), stderr), 0);
	// positive control: the same record in full is checked
	const char full[] = "x.cpp:1\x1e"
			    "kprobe\x1e"
			    "do_mmap\x1e"
			    "0\x1e\x1e"
			    "i4=int";
	char *buf = nullptr;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	EXPECT_EQ(kpb_check_records(k.b, full, sizeof(full), err), 1);
	fclose(err);
	EXPECT_EQ(std::string(buf), "x.cpp:1: error: kp::Kprobe<\"do_mmap\">: 1 argument declared, 9 "
				    "in the kernel: long unsigned int do_mmap(struct file *file, "
				    "long unsigned int addr, long unsigned int len, long unsigned int "
				    "prot, long unsigned int flags, vm_flags_t vm_flags, long unsigned "
				    "int pgoff, long unsigned int *populate, struct list_head *uf)\n");
	free(buf);
}

std::string resolve(const btf *b, const char *key)
{
	unsigned long off[4] = {};
	char why[512] = "";
	int hops = kpb_resolve_field(b, key, off, 4, why, sizeof(why));
	if (hops < 0)
		return why;
	std::string s;
	for (int i = 0; i < hops; i++)
		s += (i ? "," : "") + std::to_string(off[i]);
	return s;
}

// Offsets per hop: members added up, anonymous unions and structs searched,
// one offset per ->; the declared type (the key's token) against the field's.
TEST(Btf, FieldResolve)
{
	Kernel k;
	EXPECT_EQ(resolve(k.b, "kfile|f_flags|u4"), "0");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry|p:kdentry"), "16");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry|p"), "16");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry->d_name.name|p"), "16,16");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry->d_name.len|u4"), "16,12");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry->d_name.hash_len|u8"), "16,8");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentryy|p"), "struct kpath has no field dentryy");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry->d_nam.name|p"),
		  "struct kdentry has no field d_nam");
	EXPECT_EQ(resolve(k.b, "nofile|f_flags|u4"), "the kernel has no struct nofile");
	EXPECT_EQ(resolve(k.b, "kfile|f_bits|i4"),
		  "struct kfile has no field f_bits (it is a bitfield: no typed read)");
	EXPECT_EQ(resolve(k.b, "kfile|f_flags->x|p"),
		  "f_flags is unsigned int, not a pointer to a struct: no -> after it");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry|u8"),
		  "struct kfile's f_path.dentry is struct kdentry * (a pointer to struct kdentry), "
		  "read into (8 bytes, unsigned)");
	EXPECT_EQ(resolve(k.b, "kfile|f_path.dentry|p:kpath"),
		  "struct kfile's f_path.dentry is struct kdentry * (a pointer to struct kdentry), "
		  "read into (a pointer to struct kpath)");
	EXPECT_EQ(resolve(k.b, "kfile|f_flags|i8"),
		  "struct kfile's f_flags is unsigned int (4 bytes, unsigned), read into (8 bytes, "
		  "signed)");
}

#ifdef KP_BTF_PAHOLE_OBJ
// An ELF object with .BTF from pahole -J (host-tests/btf_sample.c, clang -g).
TEST(Btf, PaholeElf)
{
	btf *b = kpb_open(KP_BTF_PAHOLE_OBJ, stderr);
	ASSERT_NE(b, nullptr);
	// the base types as the C compiler named them in DWARF: g++ or clang
	std::string p = proto(b, "sample_read");
	EXPECT_TRUE(p == "long int sample_read(struct sample_file *file, char *buf, size_t count, "
			 "long long int *pos)" ||
		    p == "long sample_read(struct sample_file *file, char *buf, size_t count, long "
			 "long *pos)")
		<< p;
	std::string s = scaffold_ok(b, "sample_read");
	EXPECT_HAS(s, "kp::Args<sample_file *, char *, kp::size_t, long long *>>");
	EXPECT_EQ(proto(b, "sample_event", KPB_TRACEPOINT),
		  "sample_event(struct sample_file *, unsigned int)");
	btf__free(b);
}
#endif

} // namespace
