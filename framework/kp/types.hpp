// SPDX-License-Identifier: GPL-2.0
// Kernel scalar types for C++ probe files, spelled as the kernel spells them
// (u64 is unsigned long long on every arch, as in asm-generic/int-ll64.h) so
// that a tracepoint probe's parameter types are the kernel's exactly.
// Kernel structs stay incomplete: declare `struct task_struct;` and pass
// pointers around; read fields through the core's helpers.
#pragma once

struct task_struct;
struct kernel_siginfo;
struct inode;
struct file;
struct open_how;
struct filename;
struct mnt_idmap;
struct user_namespace;

namespace kp {
namespace types {
using u8 = unsigned char;
using s8 = signed char;
using u16 = unsigned short;
using s16 = short;
using u32 = unsigned int;
using s32 = int;
using u64 = unsigned long long;
using s64 = long long;
using size_t = unsigned long;
using ssize_t = long;
using umode_t = unsigned short;
using pid_t = int;
using uid_t = unsigned int;
using gid_t = unsigned int;
using loff_t = long long;
using gfp_t = unsigned int;
using dev_t = u32;
} // namespace types
using namespace types;
} // namespace kp
