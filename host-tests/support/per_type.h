// SPDX-License-Identifier: GPL-2.0
// Tests instantiated per type, with plain names.
//
// gtest's TYPED_TEST lists its tests with a "# TypeParam = <demangled
// type>" comment that gtest_discover_tests turns into unreadable ctest
// names; these helpers register one ordinary test per parameter instead:
//
//   KP_ARCH_TEST(Fixture, Name) { ... A ... }   ->  Fixture/x86_64.Name, Fixture/arm64.Name
//   kp_per_type::add<Fixture, Body>(list<P...>{}, "Suite")
//                         ->  Suite/<P::arch_name()>.<P::type_name()> for each P,
//                             running Body::template run<P>()
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "abi_model.h"

namespace kp_per_type {

template <class... P> struct list {};

template <class Fixture, class Body, class P> class test : public Fixture {
	void TestBody() override { Body::template run<P>(); }
};
template <class Fixture, class Body, class P> Fixture *make() { return new test<Fixture, Body, P>(); }

template <class Fixture> struct entry {
	std::string (*arch)();
	std::string (*type)();
	Fixture *(*make)();
};

template <class Fixture>
void add_one(const char *suite, const entry<Fixture> &e, const char *file, int line)
{
	::testing::RegisterTest((std::string(suite) + "/" + e.arch()).c_str(), e.type().c_str(),
				nullptr, nullptr, file, line, e.make);
}

// A table and a loop rather than a fold over P...: one small function per
// P, not one huge one (compile time at -O2).
template <class Fixture, class Body, class... P>
bool add(list<P...>, const char *suite, const char *file = __builtin_FILE(),
	 int line = __builtin_LINE())
{
	static constexpr entry<Fixture> entries[] = { { &P::arch_name, &P::type_name,
							 &make<Fixture, Body, P> }... };
	for (const auto &e : entries)
		add_one(suite, e, file, line);
	return true;
}

} // namespace kp_per_type

// A test body written once as a template on the arch A, registered for
// x86_64 and arm64 as Fixture/x86_64.Name and Fixture/arm64.Name.
#define KP_ARCH_TEST(Fixture, Name)                                                                \
	template <class A> struct Fixture##_##Name {                                               \
		static std::string arch_name() { return model::abi<A>::name; }                     \
		static std::string type_name() { return #Name; }                                   \
		template <class> static void run();                                                \
	};                                                                                         \
	[[maybe_unused]] const bool Fixture##_##Name##_registered =                                 \
		(kp_per_type::add<Fixture, Fixture##_##Name<model::X86>>(                          \
			 kp_per_type::list<Fixture##_##Name<model::X86>>{}, #Fixture),             \
		 kp_per_type::add<Fixture, Fixture##_##Name<model::Arm>>(                          \
			 kp_per_type::list<Fixture##_##Name<model::Arm>>{}, #Fixture));            \
	template <class A> template <class> void Fixture##_##Name<A>::run()
