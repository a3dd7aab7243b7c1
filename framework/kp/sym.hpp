// SPDX-License-Identifier: GPL-2.0
// kp::Sym: a code address, printed by kp::print as symbol+offset/size
// [module] (%pS); what a kp::FentryMatch handler receives first.
#pragma once

namespace kp {
namespace {

// A code address printed as symbol+offset/size [module] (%pS).
struct Sym {
	const void *addr;
	Sym(const void *a) : addr(a) {}
	Sym(unsigned long a) : addr(reinterpret_cast<const void *>(a)) {}
	template <class R, class... P> Sym(R (*f)(P...)) : addr(reinterpret_cast<const void *>(f)) {}
};

} // namespace
} // namespace kp
