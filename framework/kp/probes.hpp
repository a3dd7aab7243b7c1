// SPDX-License-Identifier: GPL-2.0
// Probes are types.  A probe type names what to attach to and what its
// arguments are; KP_PROBE binds it to handler functions and puts one
// constant descriptor in the registry.  The thunks the kernel calls are
// generated here, one per (probe, handler) pair, with the kernel's exact
// function types.
#pragma once

#include "../kp_abi.h"
#include "decode.hpp"
#include "fixed_string.hpp"
#include "meta.hpp"

#ifndef KP_KRI_DATA_OFFSET
// offsetof(struct kretprobe_instance, data): generated at kbuild time from
// the target kernel's headers (framework/core/kp_offsets.c).
#error "KP_KRI_DATA_OFFSET is not defined: build C++ probes through Kbuild (make)"
#endif

namespace kp {
namespace {

// ---- probe options --------------------------------------------------------

template <class... T> struct Args {
	using list = meta::list<T...>;
};
template <class R> struct Returns {
	using type = R;
};
template <class D> struct Data {
	using type = D;
};
template <unsigned long N> struct Offset {
	static constexpr unsigned long value = N;
};
template <int N> struct MaxActive {
	static constexpr int value = N;
};

namespace detail {

template <class T> inline constexpr bool is_args = false;
template <class... T> inline constexpr bool is_args<Args<T...>> = true;
template <class T> inline constexpr bool is_returns = false;
template <class R> inline constexpr bool is_returns<Returns<R>> = true;
template <class T> inline constexpr bool is_data = false;
template <class D> inline constexpr bool is_data<Data<D>> = true;
template <class T> inline constexpr bool is_offset = false;
template <unsigned long N> inline constexpr bool is_offset<Offset<N>> = true;
template <class T> inline constexpr bool is_maxactive = false;
template <int N> inline constexpr bool is_maxactive<MaxActive<N>> = true;

// The option of one kind among Opts..., or Default.
template <template <class> class Is, class Default, class... Opts> struct pick {
	using type = Default;
};
template <template <class> class Is, class Default, class O, class... Rest>
struct pick<Is, Default, O, Rest...> {
	using type = meta::cond_t<Is<O>::value, O, typename pick<Is, Default, Rest...>::type>;
};
template <class T> struct is_args_t : meta::constant<bool, is_args<T>> {};
template <class T> struct is_returns_t : meta::constant<bool, is_returns<T>> {};
template <class T> struct is_data_t : meta::constant<bool, is_data<T>> {};
template <class T> struct is_offset_t : meta::constant<bool, is_offset<T>> {};
template <class T> struct is_maxactive_t : meta::constant<bool, is_maxactive<T>> {};

template <template <class> class Is, class... Opts>
inline constexpr unsigned count = (0u + ... + (Is<Opts>::value ? 1u : 0u));

struct no_data {};

// A handler given as a function or a captureless lambda, as a function pointer.
template <auto H> consteval auto as_function()
{
	if constexpr (meta::is_class<decltype(H)>)
		return +H;
	else
		return H;
}
template <auto H> inline constexpr bool is_handler =
	meta::is_function_pointer<decltype(as_function<H>())>;

template <auto H> struct handler_sig : meta::fn<decltype(as_function<H>())> {};

template <class... T> consteval bool check_args(meta::list<T...>)
{
	return (true && ... && check_arg_type<T>());
}

// ---- thunks: what the kernel calls ---------------------------------------

template <class Arch, class ArgList, bool Syscall, bool Wrapped> struct arg_reader;

template <class Arch, class... T, bool Syscall, bool Wrapped>
struct arg_reader<Arch, meta::list<T...>, Syscall, Wrapped> {
	template <auto F, class... Pre, unsigned... I>
	static auto call(const void *regs, meta::indices<I...>, Pre &...pre)
	{
		if constexpr (Syscall && Wrapped) {
			// __<arch>_sys_NAME(const struct pt_regs *): the user's
			// registers are behind the first argument.
			const void *user = function_arg<Arch, const void *, 0>(regs);
			return F(pre..., syscall_arg<Arch, T, I>(user)...);
		} else {
			return F(pre..., function_arg<Arch, T, I>(regs)...);
		}
	}
	template <auto F, class... Pre> static auto call(const void *regs, Pre &...pre)
	{
		return call<F>(regs, meta::make_indices<sizeof...(T)>{}, pre...);
	}
};

template <class Arch, class ArgList, bool Syscall, bool Wrapped, auto H> struct kprobe_thunk {
	static int pre(struct kprobe *, struct pt_regs *regs)
	{
		arg_reader<Arch, ArgList, Syscall, Wrapped>::template call<as_function<H>()>(regs);
		return 0; // never "skip single-step": the handler cannot change the IP
	}
};

template <class Arch, auto H> struct offset_thunk {
	static int pre(struct kprobe *, struct pt_regs *regs)
	{
		as_function<H>()(basic_regs<Arch>(regs));
		return 0;
	}
};

template <class D> inline D &instance_data(struct kretprobe_instance *ri)
{
	return *reinterpret_cast<D *>(reinterpret_cast<char *>(ri) + KP_KRI_DATA_OFFSET);
}

template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, auto E, auto H>
struct kretprobe_thunk {
	static constexpr bool has_data = !meta::is_same<D, no_data>;

	// kernel: a non-zero entry_handler result means "no return handler for this call"
	static int entry(struct kretprobe_instance *ri, struct pt_regs *regs)
	{
		using reader = arg_reader<Arch, ArgList, Syscall, Wrapped>;
		constexpr auto e = as_function<E>();
		if constexpr (has_data) {
			// The kernel recycles per-call memory: clear it all, padding
			// included, then apply D's default member initialisers.
			__builtin_memset(reinterpret_cast<char *>(ri) + KP_KRI_DATA_OFFSET, 0,
					 sizeof(D));
			D &d = instance_data<D>(ri);
			d = D{};
			if constexpr (meta::is_same<typename handler_sig<E>::ret, bool>)
				return reader::template call<e>(regs, d) ? 0 : 1;
			else
				reader::template call<e>(regs, d);
		} else {
			if constexpr (meta::is_same<typename handler_sig<E>::ret, bool>)
				return reader::template call<e>(regs) ? 0 : 1;
			else
				reader::template call<e>(regs);
		}
		return 0;
	}

	static int ret(struct kretprobe_instance *ri, struct pt_regs *regs)
	{
		constexpr auto h = as_function<H>();
		if constexpr (has_data && meta::is_void<R>)
			h(instance_data<D>(ri));
		else if constexpr (has_data)
			h(instance_data<D>(ri), return_value<Arch, R>(regs));
		else if constexpr (meta::is_void<R>)
			h();
		else
			h(return_value<Arch, R>(regs));
		return 0;
	}
};

template <class ArgList, auto H> struct tracepoint_thunk;
template <class... T, auto H> struct tracepoint_thunk<meta::list<T...>, H> {
	// The kernel calls this as void (*)(void *__data, TP_PROTO): exact types.
	static void probe(void *, T... args) { as_function<H>()(args...); }
	// C++ cannot turn a function pointer into void * in a constant
	// expression, so the descriptor points at this object instead.
	static constexpr void (*slot)(void *, T...) = &probe;
};

// ---- handler checks --------------------------------------------------------

template <unsigned I, auto First, auto... Rest> consteval auto nth()
{
	if constexpr (I == 0)
		return First;
	else
		return nth<I - 1, Rest...>();
}

template <class Expected, class Got> inline constexpr bool same_params = meta::is_same<Expected, Got>;

// A kprobe (or syscall) handler: void(T...).
template <auto H, class ArgList> consteval bool check_kprobe_handler()
{
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (is_handler<H>) {
		using sig = handler_sig<H>;
		static_assert(meta::is_void<typename sig::ret>,
			      "kp::Kprobe: the handler must return void (a kprobe pre-handler's non-zero "
			      "result would tell the kernel to skip single-stepping)");
		static_assert(sig::params::size == ArgList::size,
			      "kp::Kprobe: the handler takes a different number of parameters than "
			      "kp::Args<...> declares");
		static_assert(sig::params::size != ArgList::size ||
				      same_params<ArgList, typename sig::params>,
			      "kp::Kprobe: the handler's parameter types must be exactly the types in "
			      "kp::Args<...>, in the same order");
		return meta::is_void<typename sig::ret> && same_params<ArgList, typename sig::params>;
	}
	return false;
}

// An offset probe's handler: void(const kp::Regs &).
template <auto H, class Arch> consteval bool check_offset_handler()
{
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (is_handler<H>) {
		using sig = handler_sig<H>;
		constexpr bool ok = meta::is_void<typename sig::ret> &&
				    same_params<meta::list<const basic_regs<Arch> &>, typename sig::params>;
		static_assert(ok, "kp::Kprobe<..., kp::Offset<N>>: the handler must be "
				  "void(const kp::Regs &): inside a function the arguments are no "
				  "longer where the ABI put them");
		return ok;
	}
	return false;
}

// A kretprobe entry handler: bool or void (D &, T...), or (T...) without Data.
template <auto E, class ArgList, class D> consteval bool check_entry_handler()
{
	static_assert(is_handler<E>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (is_handler<E>) {
		using sig = handler_sig<E>;
		using expected = meta::cond_t<meta::is_same<D, no_data>, ArgList,
					      typename meta::prepend<ArgList, D &>::type>;
		constexpr bool ret_ok = meta::is_void<typename sig::ret> ||
					meta::is_same<typename sig::ret, bool>;
		static_assert(ret_ok, "kp::Kretprobe: the entry handler returns void, or bool (false: "
				      "skip the return handler for this call)");
		static_assert(same_params<expected, typename sig::params>,
			      "kp::Kretprobe: the entry handler's parameters must be (D &, T...) with "
			      "kp::Data<D> and kp::Args<T...>, or (T...) without kp::Data");
		return ret_ok && same_params<expected, typename sig::params>;
	}
	return false;
}

// A kretprobe return handler: void(D &, R), void(D &), void(R) or void().
template <auto H, class R, class D> consteval bool check_return_handler()
{
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (is_handler<H>) {
		using sig = handler_sig<H>;
		using with_r = meta::cond_t<meta::is_void<R>, meta::list<>, meta::list<R>>;
		using expected = meta::cond_t<meta::is_same<D, no_data>, with_r,
					      typename meta::prepend<with_r, D &>::type>;
		static_assert(meta::is_void<typename sig::ret>,
			      "kp::Kretprobe: the return handler must return void");
		static_assert(same_params<expected, typename sig::params>,
			      "kp::Kretprobe: the return handler's parameters must be (D &, R) with "
			      "kp::Data<D> and kp::Returns<R>; drop D & without kp::Data, drop R "
			      "without kp::Returns");
		return meta::is_void<typename sig::ret> && same_params<expected, typename sig::params>;
	}
	return false;
}

// A tracepoint handler: void(T...), called with the tracepoint's arguments.
template <auto H, class ArgList> consteval bool check_tracepoint_handler()
{
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (is_handler<H>) {
		using sig = handler_sig<H>;
		constexpr bool ok = meta::is_void<typename sig::ret> &&
				    same_params<ArgList, typename sig::params>;
		static_assert(ok, "kp::Tracepoint: the handler must be void(T...) with exactly the "
				  "types of kp::Args<T...> (the tracepoint's TP_PROTO)");
		return ok;
	}
	return false;
}

// ---- descriptor construction ------------------------------------------------

consteval kp_probe_desc base_desc(unsigned kind, unsigned flags, const char *sym,
				  const char *file, unsigned line, unsigned seq)
{
	kp_probe_desc d{};
	d.kind = kind;
	d.flags = flags;
	d.symbol = sym;
	d.file = file;
	d.line = line;
	d.seq = seq;
	return d;
}

// Kprobe at function entry, or syscall entry: one handler taking the args.
template <class Arch, class ArgList, bool Syscall, bool Wrapped, auto... H>
consteval kp_probe_desc describe_kprobe(const char *sym, const char *file, unsigned line, unsigned seq)
{
	static_assert(sizeof...(H) == 1,
		      "KP_PROBE: this probe takes exactly one handler: KP_PROBE(probe, handler)");
	static_assert(check_args(ArgList{}));
	if constexpr (sizeof...(H) == 1) {
		constexpr auto h = nth<0, H...>();
		if constexpr (check_kprobe_handler<h, ArgList>()) {
			kp_probe_desc d = base_desc(KP_KIND_KPROBE, Syscall ? KP_F_SYSCALL : 0, sym,
						    file, line, seq);
			d.pre = &kprobe_thunk<Arch, ArgList, Syscall, Wrapped, h>::pre;
			return d;
		}
	}
	return kp_probe_desc{};
}

template <class Arch, unsigned long Offset, auto... H>
consteval kp_probe_desc describe_offset(const char *sym, const char *file, unsigned line, unsigned seq)
{
	static_assert(sizeof...(H) == 1,
		      "KP_PROBE: this probe takes exactly one handler: KP_PROBE(probe, handler)");
	if constexpr (sizeof...(H) == 1) {
		constexpr auto h = nth<0, H...>();
		if constexpr (check_offset_handler<h, Arch>()) {
			kp_probe_desc d = base_desc(KP_KIND_KPROBE, 0, sym, file, line, seq);
			d.offset = Offset;
			d.pre = &offset_thunk<Arch, h>::pre;
			return d;
		}
	}
	return kp_probe_desc{};
}

template <class D> consteval unsigned data_size()
{
	if constexpr (meta::is_same<D, no_data>)
		return 0;
	else
		return sizeof(D);
}

template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, int MaxActive,
	  auto... H>
consteval kp_probe_desc describe_kretprobe(const char *sym, const char *file, unsigned line, unsigned seq)
{
	constexpr bool has_data = !meta::is_same<D, no_data>;
	constexpr unsigned n = sizeof...(H);
	static_assert(n == 1 || n == 2,
		      "KP_PROBE: a kretprobe takes a return handler, or an entry handler and a return "
		      "handler: KP_PROBE(kp::Kretprobe<...>, [on_entry,] on_return)");
	static_assert(!has_data || n != 1,
		      "kp::Kretprobe: kp::Data<D> is filled by an entry handler: give one, "
		      "KP_PROBE(probe, on_entry, on_return)");
	static_assert(check_args(ArgList{}));
	static_assert(check_return_type<R>());
	static_assert(MaxActive >= 0, "kp::MaxActive<N>: N must not be negative");
	if constexpr (has_data) {
		static_assert(__is_trivially_copyable(D),
			      "kp::Data<D>: D lives in per-call memory the kernel hands out and no "
			      "constructor or destructor runs: D must be trivially copyable");
		static_assert(alignof(D) <= 8, "kp::Data<D>: D may be aligned to at most 8 bytes");
	}
	if constexpr (n == 2 || (n == 1 && !has_data)) {
		constexpr auto h = nth<n - 1, H...>();
		constexpr bool ret_ok = check_return_handler<h, R, D>();
		if constexpr (n == 2) {
			constexpr auto e = nth<0, H...>();
			if constexpr (check_entry_handler<e, ArgList, D>() && ret_ok) {
				using thunk = kretprobe_thunk<Arch, ArgList, Syscall, Wrapped, R, D, e, h>;
				kp_probe_desc d = base_desc(KP_KIND_KRETPROBE, Syscall ? KP_F_SYSCALL : 0,
							    sym, file, line, seq);
				d.entry = &thunk::entry;
				d.ret = &thunk::ret;
				d.data_size = data_size<D>();
				d.maxactive = MaxActive;
				return d;
			}
		} else if constexpr (ret_ok) {
			using thunk = kretprobe_thunk<Arch, ArgList, Syscall, Wrapped, R, D, h, h>;
			kp_probe_desc d = base_desc(KP_KIND_KRETPROBE, Syscall ? KP_F_SYSCALL : 0, sym,
						    file, line, seq);
			d.ret = &thunk::ret;
			d.maxactive = MaxActive;
			return d;
		}
	}
	return kp_probe_desc{};
}

template <class ArgList, auto... H>
consteval kp_probe_desc describe_tracepoint(const char *name, const char *file, unsigned line, unsigned seq)
{
	static_assert(sizeof...(H) == 1,
		      "KP_PROBE: a tracepoint takes exactly one handler: KP_PROBE(probe, handler)");
	static_assert(check_args(ArgList{}));
	if constexpr (sizeof...(H) == 1) {
		constexpr auto h = nth<0, H...>();
		if constexpr (check_tracepoint_handler<h, ArgList>()) {
			kp_probe_desc d = base_desc(KP_KIND_TRACEPOINT, 0, name, file, line, seq);
			d.tp_probe = &tracepoint_thunk<ArgList, h>::slot;
			return d;
		}
	}
	return kp_probe_desc{};
}

template <class... Opts> inline constexpr bool unique_options =
	count<is_args_t, Opts...> <= 1 && count<is_returns_t, Opts...> <= 1 &&
	count<is_data_t, Opts...> <= 1 && count<is_offset_t, Opts...> <= 1 &&
	count<is_maxactive_t, Opts...> <= 1;

#if defined(KP_SYSCALL_WRAPPER)
inline constexpr int syscall_wrapper = KP_SYSCALL_WRAPPER;
#else
inline constexpr int syscall_wrapper = -1;
#endif

template <fixed_string Name> consteval auto syscall_symbol()
{
	if constexpr (syscall_wrapper == 1)
		return fixed_string(KP_NATIVE_SYSCALL_PREFIX) + Name;
	else
		return fixed_string("sys_") + Name;
}

} // namespace detail

// ---- the probe types ----------------------------------------------------------

// kp::Kprobe<"symbol", kp::Args<T...>>: at function entry, handler void(T...).
// kp::Kprobe<"symbol", kp::Offset<N>>: at symbol+N, handler void(const kp::Regs &).
template <fixed_string Sym, class... Opts> struct Kprobe {
	static_assert(!Sym.empty(), "kp::Kprobe: the symbol name is empty");
	static_assert(detail::count<detail::is_args_t, Opts...> +
				      detail::count<detail::is_offset_t, Opts...> ==
			      sizeof...(Opts) &&
		      detail::unique_options<Opts...>,
		      "kp::Kprobe: options are one kp::Args<T...> or one kp::Offset<N>");
	static_assert(detail::count<detail::is_args_t, Opts...> == 0 ||
			      detail::count<detail::is_offset_t, Opts...> == 0,
		      "kp::Kprobe: a probe at kp::Offset<N> receives the registers (const kp::Regs "
		      "&), not kp::Args<...>: inside a function the arguments are no longer where "
		      "the ABI put them");
	static constexpr auto symbol = Sym;
	using args = typename detail::pick<detail::is_args_t, Args<>, Opts...>::type;

	template <auto... H>
	static consteval kp_probe_desc describe(const char *sym, const char *file, unsigned line, unsigned seq)
	{
		if constexpr (detail::count<detail::is_offset_t, Opts...> > 0) {
			using off = typename detail::pick<detail::is_offset_t, Offset<0>, Opts...>::type;
			return detail::describe_offset<arch::native, off::value, H...>(sym, file, line, seq);
		} else {
			return detail::describe_kprobe<arch::native, typename args::list, false, false,
						       H...>(sym, file, line, seq);
		}
	}
};

// kp::Kretprobe<"symbol", kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N>>
// (every option optional, any order).
template <fixed_string Sym, class... Opts> struct Kretprobe {
	static_assert(!Sym.empty(), "kp::Kretprobe: the symbol name is empty");
	static_assert(detail::count<detail::is_offset_t, Opts...> == 0,
		      "kp::Kretprobe: a kretprobe attaches at function entry only; kp::Offset<N> is "
		      "not allowed");
	static_assert(detail::count<detail::is_args_t, Opts...> +
				      detail::count<detail::is_returns_t, Opts...> +
				      detail::count<detail::is_data_t, Opts...> +
				      detail::count<detail::is_maxactive_t, Opts...> ==
			      sizeof...(Opts) &&
		      detail::unique_options<Opts...>,
		      "kp::Kretprobe: options are kp::Args<T...>, kp::Returns<R>, kp::Data<D>, "
		      "kp::MaxActive<N>, each at most once");
	static constexpr auto symbol = Sym;
	using args = typename detail::pick<detail::is_args_t, Args<>, Opts...>::type;
	using returns = typename detail::pick<detail::is_returns_t, Returns<void>, Opts...>::type;
	using data = typename detail::pick<detail::is_data_t, Data<detail::no_data>, Opts...>::type;
	static constexpr int maxactive =
		detail::pick<detail::is_maxactive_t, MaxActive<0>, Opts...>::type::value;

	template <auto... H>
	static consteval kp_probe_desc describe(const char *sym, const char *file, unsigned line, unsigned seq)
	{
		return detail::describe_kretprobe<arch::native, typename args::list, false, false,
						  typename returns::type, typename data::type,
						  maxactive, H...>(sym, file, line, seq);
	}
};

// kp::Tracepoint<"name", kp::Args<TP_PROTO types...>>, looked up by name at load.
template <fixed_string Name, class... Opts> struct Tracepoint {
	static_assert(!Name.empty(), "kp::Tracepoint: the tracepoint name is empty");
	static_assert(sizeof...(Opts) <= 1 && detail::count<detail::is_args_t, Opts...> ==
						      sizeof...(Opts),
		      "kp::Tracepoint: the only option is kp::Args<T...>, the tracepoint's TP_PROTO");
	static constexpr auto symbol = Name;
	using args = typename detail::pick<detail::is_args_t, Args<>, Opts...>::type;

	template <auto... H>
	static consteval kp_probe_desc describe(const char *name, const char *file, unsigned line, unsigned seq)
	{
		return detail::describe_tracepoint<typename args::list, H...>(name, file, line, seq);
	}
};

// kp::Syscall<"openat", kp::Args<T...>>: at the syscall's entry, arguments
// decoded with the syscall convention (through the pt_regs the syscall
// wrapper receives, when the kernel has wrappers).
template <fixed_string Name, class... Opts> struct Syscall {
	static_assert(!Name.empty(), "kp::Syscall: the system call name is empty");
	static_assert(sizeof...(Opts) <= 1 && detail::count<detail::is_args_t, Opts...> ==
						      sizeof...(Opts),
		      "kp::Syscall: the only option is kp::Args<T...>, the system call's arguments");
	static_assert(detail::syscall_wrapper >= 0,
		      "kp::Syscall: KP_SYSCALL_WRAPPER is not defined: build through Kbuild (make), "
		      "which reads CONFIG_ARCH_HAS_SYSCALL_WRAPPER from the target kernel");
	static constexpr auto symbol = detail::syscall_symbol<Name>();
	using args = typename detail::pick<detail::is_args_t, Args<>, Opts...>::type;
	static_assert(args::list::size <= KP_MAX_SYSCALL_ARGS,
		      "kp::Syscall: system calls take at most 6 arguments");

	template <auto... H>
	static consteval kp_probe_desc describe(const char *sym, const char *file, unsigned line, unsigned seq)
	{
		return detail::describe_kprobe<arch::native, typename args::list, true,
					       detail::syscall_wrapper == 1, H...>(sym, file, line, seq);
	}
};

// kp::SyscallReturn<"openat", kp::Args<T...>, kp::Data<D>>: a kretprobe on the
// syscall; the entry handler gets the decoded arguments, the return handler
// the syscall's long result.
template <fixed_string Name, class... Opts> struct SyscallReturn {
	static_assert(!Name.empty(), "kp::SyscallReturn: the system call name is empty");
	static_assert(detail::count<detail::is_args_t, Opts...> +
				      detail::count<detail::is_data_t, Opts...> +
				      detail::count<detail::is_maxactive_t, Opts...> ==
			      sizeof...(Opts) &&
		      detail::unique_options<Opts...>,
		      "kp::SyscallReturn: options are kp::Args<T...>, kp::Data<D>, kp::MaxActive<N> "
		      "(the return type is always long)");
	static_assert(detail::syscall_wrapper >= 0,
		      "kp::SyscallReturn: KP_SYSCALL_WRAPPER is not defined: build through Kbuild "
		      "(make), which reads CONFIG_ARCH_HAS_SYSCALL_WRAPPER from the target kernel");
	static constexpr auto symbol = detail::syscall_symbol<Name>();
	using args = typename detail::pick<detail::is_args_t, Args<>, Opts...>::type;
	using data = typename detail::pick<detail::is_data_t, Data<detail::no_data>, Opts...>::type;
	static constexpr int maxactive =
		detail::pick<detail::is_maxactive_t, MaxActive<0>, Opts...>::type::value;
	static_assert(args::list::size <= KP_MAX_SYSCALL_ARGS,
		      "kp::SyscallReturn: system calls take at most 6 arguments");

	template <auto... H>
	static consteval kp_probe_desc describe(const char *sym, const char *file, unsigned line, unsigned seq)
	{
		return detail::describe_kretprobe<arch::native, typename args::list, true,
						  detail::syscall_wrapper == 1, long,
						  typename data::type, maxactive, H...>(sym, file, line, seq);
	}
};

namespace detail {
// One per translation unit (internal linkage): its address tells the
// registry which entries come from one object file.
[[maybe_unused]] constexpr char unit_anchor = 0;

consteval kp_probe_desc in_unit(kp_probe_desc d)
{
	d.unit = &unit_anchor;
	return d;
}

template <class P> inline constexpr bool is_probe = false;
template <fixed_string S, class... O> inline constexpr bool is_probe<Kprobe<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Kretprobe<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Tracepoint<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Syscall<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<SyscallReturn<S, O...>> = true;

// KP_PROBE(P, handlers...) parses its arguments as bind<P, handlers...>, so
// commas inside P's template arguments need no parentheses.
template <class P, auto... H> struct bind {
	static_assert(is_probe<P>, "KP_PROBE: the first argument must be a probe type, e.g. "
				   "kp::Kprobe<\"do_sys_openat2\", kp::Args<int, const char *>>");
	static constexpr auto symbol = P::symbol;
	static consteval kp_probe_desc describe(const char *sym, const char *file, unsigned line, unsigned seq)
	{
		return P::template describe<H...>(sym, file, line, seq);
	}
};
} // namespace detail

} // namespace
} // namespace kp

#define KP_CAT_(a, b) a##b
#define KP_CAT(a, b) KP_CAT_(a, b)

/*
 * KP_PROBE(probe-type, handler)               kprobe, syscall, tracepoint
 * KP_PROBE(probe-type, on_return)             kretprobe without entry handler
 * KP_PROBE(probe-type, on_entry, on_return)   kretprobe
 *
 * Adds one constant descriptor to the registry (section "kp_probes"): the
 * entry is a plain internal-linkage variable, as the registry requires.
 * Probes register in declaration order within a file (__COUNTER__ order,
 * also for probes that come from an included header) and in link order (the
 * order of probes/ files, sorted by name) across files.
 */
#define KP_PROBE(...) KP_PROBE_(__COUNTER__, __VA_ARGS__)
#define KP_PROBE_(n, ...) KP_PROBE__(n, __VA_ARGS__)
#define KP_PROBE__(n, ...)                                                                     \
	using KP_CAT(kp_bound_, n) = ::kp::detail::bind<__VA_ARGS__>;                           \
	static constexpr auto KP_CAT(kp_symbol_, n) = KP_CAT(kp_bound_, n)::symbol;             \
	static constexpr ::kp_probe_desc KP_CAT(kp_desc_, n) = ::kp::detail::in_unit(            \
		KP_CAT(kp_bound_, n)::describe(KP_CAT(kp_symbol_, n).data, __FILE__, __LINE__, n)); \
	[[gnu::used, gnu::section("kp_probes")]] static const ::kp_probe_desc *const KP_CAT(   \
		kp_entry_, n) = &KP_CAT(kp_desc_, n)
