# Project-wide compile settings, linked PRIVATE into every target (one place, not repeated per target).
add_library(ringside_settings INTERFACE)
add_library(ringside::settings ALIAS ringside_settings)

target_compile_definitions(ringside_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    $<$<CONFIG:Debug>:RINGSIDE_DEBUG>
)
target_compile_options(ringside_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
)

# LLVM's linker when it is installed (.ci/install-deps installs `lld`): it links the ~200 programs
# of a full tree 2–4× faster than GNU ld (measured 0.5–1.1 s → 0.2–0.3 s per Release test, and
# 2.7 → 0.7 s per sanitized one; docs/CONTRIBUTING.md, "CI budget"). Without it, the default linker.
option(RINGSIDE_USE_LLD "Link with lld when the compiler accepts -fuse-ld=lld" ON)
if(RINGSIDE_USE_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX -fuse-ld=lld RINGSIDE_HAVE_LLD)
    if(RINGSIDE_HAVE_LLD)
        add_link_options(-fuse-ld=lld) # every target of the tree, ours or not (fakes, benchmarks)
    endif()
endif()

# CI's build-noui (.ci/noui, docs/CONTRIBUTING.md): our code under AddressSanitizer and UBSan, every
# UB report fatal. The code under test is built -O1 (usable speed, readable stacks); tests' own glue
# stays -O0 as in Release (RingsideTesting.cmake), which keeps this second build inside CI's budget.
# Qt and the other system libraries are not instrumented; tests/lsan.supp names the few allocations
# of theirs that live as long as the process, if any turn up.
option(RINGSIDE_SANITIZE "Build with AddressSanitizer and UBSan (-O1)" OFF)
if(RINGSIDE_SANITIZE)
    string(APPEND CMAKE_CXX_FLAGS " -O1 -gline-tables-only")
    target_compile_options(ringside_settings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(ringside_settings INTERFACE -fsanitize=address,undefined)
endif()

# ringside_add_core_part(<part> SOURCES ... DEPENDS ...)
# One static library per folder under core/, so layers point one way and a part can be built alone.
#
# A part's public include directory holds only its own headers: at configure time each header in
# SOURCES gets a symbolic link at <build>/include/ringside_<part>/<folder under core>/<header>, and
# that folder (not core/) is what the part and its users see. `#include "engine/session.h"` keeps its
# spelling, but compiles only where ringside::engine is linked, and a nested part (engine/nlu) shows
# only its own files. DEPENDS are linked PUBLIC, so a part's users see what its headers include;
# tests/layering/check_layering.py further requires every part it includes to be listed directly.
function(ringside_add_core_part part)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    set(target ringside_${part})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(ringside::${part} ALIAS ${target})

    file(RELATIVE_PATH folder "${PROJECT_SOURCE_DIR}/core" "${CMAKE_CURRENT_SOURCE_DIR}")
    set(include_root "${PROJECT_BINARY_DIR}/include/${target}")
    file(REMOVE_RECURSE "${include_root}") # no stale link to a header that left SOURCES
    foreach(source IN LISTS ARG_SOURCES)
        if(source MATCHES "\\.h$")
            get_filename_component(dir "${include_root}/${folder}/${source}" DIRECTORY)
            file(MAKE_DIRECTORY "${dir}")
            file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}/${source}" "${include_root}/${folder}/${source}" SYMBOLIC)
        endif()
    endforeach()
    target_include_directories(${target} PUBLIC "${include_root}")

    target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE ringside::settings)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    ringside_use_pch(${target})
endfunction()
