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
function(ringside_add_core_part part)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    set(target ringside_${part})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(ringside::${part} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE ringside::settings)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
