# The test executables' precompiled header (cmake/PrecompiledHeaders.cmake): built like a test's
# own code (-O0, not position-independent). Not Qt Test's headers: they read QT_TESTCASE_BUILDDIR,
# which differs per test folder and would make the header unusable.
add_library(ringside_pch_tests STATIC "${PROJECT_SOURCE_DIR}/cmake/pch/pch.cpp")
target_link_libraries(ringside_pch_tests PRIVATE Qt6::Core nlohmann_json::nlohmann_json ringside::settings)
if(RINGSIDE_SANITIZE) # as ringside_add_test below: the header must be made with the tests' options
    target_compile_options(ringside_pch_tests PRIVATE -O0)
else()
    target_compile_options(ringside_pch_tests PRIVATE $<$<CONFIG:Release,RelWithDebInfo>:-O0>)
endif()
if(RINGSIDE_PCH)
    target_precompile_headers(ringside_pch_tests PRIVATE ${RINGSIDE_PCH_HEADERS} <QTemporaryDir> <QProcess>)
endif()

if(RINGSIDE_SANITIZE)
    set(_timeout_factor 3)
else()
    set(_timeout_factor 1)
endif()
set(RINGSIDE_TEST_TIMEOUT_FACTOR ${_timeout_factor} CACHE STRING "Each test's time limit is multiplied by this (instrumented trees)")

# A test or benchmark of one .cpp is not batched in a unity build: batching one file saves
# nothing, and inside the unity wrapper GCC judges that .cpp as it would a header, warning
# (-Wsubobject-linkage) wherever the test class's lambdas capture a helper from its anonymous
# namespace. Compiled as the main file, it is judged as what it is.
function(ringside_unbatch_single_source target)
    set(cpp ${ARGN})
    list(FILTER cpp INCLUDE REGEX "\\.cpp$")
    list(LENGTH cpp count)
    if(count EQUAL 1)
        set_target_properties(${target} PROPERTIES UNITY_BUILD OFF)
    endif()
endfunction()

# ringside_add_test(<name> SOURCES ... LIBS ... [ENVIRONMENT ...] [TIMEOUT s] [LABELS ...])
# One Qt Test executable per class or feature, registered with CTest.
# Test data lives beside the test; RINGSIDE_SOURCE_DIR / RINGSIDE_BINARY_DIR locate it.
function(ringside_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;ENVIRONMENT;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    ringside_unbatch_single_source(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS} ringside::settings ringside_testsupport)
    target_compile_definitions(${name} PRIVATE
        RINGSIDE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RINGSIDE_BINARY_DIR="${PROJECT_BINARY_DIR}"
        RINGSIDE_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    # The code under test is built -O2 (-O1 sanitized) in its libraries; the test's own glue
    # compiles a third faster unoptimised, which keeps CI's clean builds inside their budget.
    if(RINGSIDE_SANITIZE)
        target_compile_options(${name} PRIVATE -O0)
    else()
        target_compile_options(${name} PRIVATE $<$<CONFIG:Release,RelWithDebInfo>:-O0>)
    endif()
    # Widget tests are compiled with QtGui's macros, which the shared header was made without.
    if(RINGSIDE_PCH AND NOT "${ARG_LIBS}" MATCHES "ringside::ui")
        target_precompile_headers(${name} REUSE_FROM ringside_pch_tests)
    endif()
    if(DEFINED RINGSIDE_REGISTER_TESTS AND NOT RINGSIDE_REGISTER_TESTS)
        return() # a folder left out by RINGSIDE_TEST_FOLDERS: the target exists, the test is not run
    endif()
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    # Instrumented code runs slower (ASan 2–3×, TSan 5–15×): the time allowed grows, the assertions
    # do not change.
    math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${RINGSIDE_TEST_TIMEOUT_FACTOR}")
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QT_ASSUME_STDERR_HAS_CONSOLE=1;${ARG_ENVIRONMENT}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()

# ringside_add_postgres_twin(<test>): runs <test> again as <test>_pg against a private PostgreSQL 15
# (tests/support/testdatabase.h; label "postgres", so `ctest -L postgres` runs only these).
function(ringside_add_postgres_twin name)
    if(DEFINED RINGSIDE_REGISTER_TESTS AND NOT RINGSIDE_REGISTER_TESTS)
        return()
    endif()
    get_test_property(${name} TIMEOUT timeout)
    get_test_property(${name} ENVIRONMENT environment)
    add_test(NAME ${name}_pg COMMAND ${name})
    set_tests_properties(${name}_pg PROPERTIES TIMEOUT ${timeout} LABELS postgres
        ENVIRONMENT "${environment};RINGSIDE_TEST_BACKEND=postgresql")
endfunction()

# ringside_add_cli_test(<name> COMMAND ... ) : an end-to-end test through ringside-engine.
function(ringside_add_cli_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "COMMAND;ENVIRONMENT" ${ARGN})
    if(DEFINED RINGSIDE_REGISTER_TESTS AND NOT RINGSIDE_REGISTER_TESTS)
        return()
    endif()
    add_test(NAME ${name} COMMAND ${ARG_COMMAND})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "LC_ALL=C.UTF-8;${ARG_ENVIRONMENT}")
endfunction()

# ringside_add_benchmark(<name> SOURCES ... LIBS ...)
# Google Benchmark executables under tests/bench. Built with the tests, not run by CTest:
# performance is measured and quoted, not asserted.
function(ringside_add_benchmark name)
    if(NOT RINGSIDE_BUILD_BENCHMARKS)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    find_package(benchmark REQUIRED)
    add_executable(${name} ${ARG_SOURCES})
    ringside_unbatch_single_source(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE benchmark::benchmark ${ARG_LIBS} ringside::settings)
    target_compile_definitions(${name} PRIVATE
        RINGSIDE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RINGSIDE_BINARY_DIR="${PROJECT_BINARY_DIR}")
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bench")
endfunction()
