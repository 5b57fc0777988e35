# Precompiled headers: Qt Core, the standard library and nlohmann/json are parsed once per build
# instead of once per file. Measured on three core files (-O2, no ccache, the shared 2-core VM):
# kpis.cpp 6.6 -> 4.7 s of CPU, session.cpp 8.0 -> 6.1 s, carthandlers.cpp 6.5 -> 5.7 s, i.e. about a
# fifth of a clean build's compile time, for ~15 s spent once per donor below.
#
# Two donors, because a precompiled header only serves files compiled with the same options:
#   ringside_pch        core parts and the console's library (-O2, position-independent)
#   ringside_pch_tests  test executables (their own code is built -O0)
# Targets take theirs with target_precompile_headers(... REUSE_FROM ...). Only system headers go in:
# a project header would rebuild everything on each edit. A file must still include what it uses —
# the header is forced in, but CI would not notice a missing include, so review does.
set(RINGSIDE_PCH_HEADERS
    <algorithm> <atomic> <functional> <map> <memory> <mutex> <optional> <utility> <vector>
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo> <QHash>
    <QList> <QMetaType> <QObject> <QRegularExpression> <QSet> <QString> <QStringList> <QThread>
    <QTimeZone> <QTimer> <QUrl> <QVariant>
    <nlohmann/json.hpp>)

option(RINGSIDE_PCH "Use precompiled headers" ON)

add_library(ringside_pch STATIC "${CMAKE_CURRENT_LIST_DIR}/pch/pch.cpp")
target_link_libraries(ringside_pch PRIVATE Qt6::Core nlohmann_json::nlohmann_json ringside::settings)
set_target_properties(ringside_pch PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(RINGSIDE_PCH)
    target_precompile_headers(ringside_pch PRIVATE ${RINGSIDE_PCH_HEADERS})
endif()

# ringside_use_pch(<target>): the library donor's header for a core part or the console library.
function(ringside_use_pch target)
    if(RINGSIDE_PCH)
        target_precompile_headers(${target} REUSE_FROM ringside_pch)
    endif()
endfunction()
