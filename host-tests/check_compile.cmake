# SPDX-License-Identifier: GPL-2.0
#
# cmake -DCXX=<compiler> -DSRC=<file.cpp> -DFLAGS="a|b|c" -P check_compile.cmake
#
# SRC states what must happen:
#   // expect: <text>    compilation fails and the diagnostics contain <text>
#                        (several lines: all of them)
#   // expect-success    compilation succeeds
# A failing file must produce exactly one error: a misuse is one message,
# without follow-on errors (`// expect-errors: N` allows N).
foreach(v CXX SRC FLAGS)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_compile.cmake: -D${v}=... is required")
  endif()
endforeach()

file(STRINGS "${SRC}" expects REGEX "^// expect: ")
file(STRINGS "${SRC}" success REGEX "^// expect-success")
file(STRINGS "${SRC}" nerrors REGEX "^// expect-errors: *[0-9]+")
if(NOT expects AND NOT success)
  message(FATAL_ERROR "${SRC}: no `// expect: <message>` and no `// expect-success` line")
endif()
if(expects AND success)
  message(FATAL_ERROR "${SRC}: both `// expect:` and `// expect-success`")
endif()

string(REPLACE "|" ";" flags "${FLAGS}")
execute_process(
  COMMAND ${CXX} ${flags} ${SRC}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
# One diagnostic text, without line breaks inside messages or colour codes.
set(diag "${out}${err}")

if(success)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SRC}: expected to compile, but failed (${rc}):\n${diag}")
  endif()
  message(STATUS "compiles, as expected")
  return()
endif()

if(rc EQUAL 0)
  message(FATAL_ERROR "${SRC}: expected a compile error, but it compiled:\n${diag}")
endif()
set(missing "")
foreach(line IN LISTS expects)
  string(REGEX REPLACE "^// expect: *" "" want "${line}")
  string(STRIP "${want}" want)
  string(FIND "${diag}" "${want}" pos)
  if(pos EQUAL -1)
    string(APPEND missing "  ${want}\n")
  endif()
endforeach()
string(REGEX MATCHALL "error: " errors "${diag}")
list(LENGTH errors got)
set(want 1)
if(nerrors)
  string(REGEX REPLACE "^// expect-errors: *" "" want "${nerrors}")
endif()
if(NOT got EQUAL want)
  string(APPEND missing "  ${want} error(s), not ${got}\n")
endif()
if(missing)
  message(FATAL_ERROR "${SRC}: failed to compile, but without the expected message(s):\n"
                      "${missing}diagnostics:\n${diag}")
endif()
message(STATUS "rejected with the expected message")
