# CPack: two Debian packages, split as users install them (docs/packaging.md).
#   ringside-engine  the headless engine and gateway; no GUI library in its dependencies
#   ringside         the console; depends on ringside-engine of the same version
# Build with:  cmake --build build --target package   (or: cd build && cpack -G DEB)
# Depends come from dpkg-shlibdeps for linked libraries, plus what the programs load at run time.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "ringside")
set(CPACK_PACKAGE_VENDOR "Ringside")
set(CPACK_PACKAGE_CONTACT "Ringside <dev@ringside.io>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")   # replaced at cpack time by the git-describe version
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)   # the unit goes to /lib/systemd/system
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
# The version is computed at build time (cmake/RingsideVersion.cmake); read it when cpack runs.
configure_file("${CMAKE_CURRENT_LIST_DIR}/CPackVersion.cmake.in" "${PROJECT_BINARY_DIR}/CPackVersion.cmake" @ONLY)
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/CPackVersion.cmake")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL engine)
if(RINGSIDE_BUILD_UI)
    list(APPEND CPACK_COMPONENTS_ALL console)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Ringside <dev@ringside.io>")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://ringside.io")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)       # ringside: Depends ringside-engine (= version)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

# --- ringside-engine ---
set(CPACK_DEBIAN_ENGINE_PACKAGE_NAME "ringside-engine")
set(CPACK_DEBIAN_ENGINE_PACKAGE_SECTION "net")
# Loaded at run time, so dpkg-shlibdeps cannot see them: the SQLite driver (the store), the
# English recognizer's model, espeak-ng's voices; adduser and deb-systemd-helper for the service.
set(CPACK_DEBIAN_ENGINE_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, pocketsphinx-en-us, espeak-ng-data, adduser, init-system-helpers (>= 1.52)")
# PostgreSQL: for engines sharing one campaign queue; the embedded store needs only SQLite.
set(CPACK_DEBIAN_ENGINE_PACKAGE_RECOMMENDS "libqt6sql6-psql, ca-certificates")
set(CPACK_DEBIAN_ENGINE_PACKAGE_SUGGESTS "ringside")
set(CPACK_DEBIAN_ENGINE_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/engine/postinst;${PROJECT_SOURCE_DIR}/packaging/engine/prerm;${PROJECT_SOURCE_DIR}/packaging/engine/postrm")
set(CPACK_DEBIAN_ENGINE_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_ENGINE_DESCRIPTION
"conversation engine and call gateway for e-commerce voice agents
Ringside's headless engine runs AI voice agents for online stores: order
status, delivery updates, cash-on-delivery confirmation in Hindi,
abandoned-cart recovery and returns. It keeps an embedded store of
customers, orders and call records in SQLite, checks and runs agents,
answers live phone calls from Twilio or Exotel, and reports KPIs and
return on investment.
.
This package holds ringside-engine, its manual page and bash completion,
and ringside-engine.service, which runs the call gateway as its own user
once configured in /etc/ringside/engine.env. It needs no graphical
library, so it suits servers. Speech runs offline (pocketsphinx,
espeak-ng); cloud providers are used when an agent names them.")

# --- ringside (console) ---
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME "ringside")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION "comm")
set(CPACK_COMPONENT_CONSOLE_DEPENDS engine)
# Run-time plugins and data shlibdeps cannot see: the SQLite driver the console opens its database
# with, a Devanagari font for Hindi, the icon theme the icons go into. The X11 (xcb) and offscreen
# platform plugins and the multimedia backends come with libqt6gui6 and libqt6multimedia6, which
# shlibdeps adds; qt6-qpa-plugins only holds VNC and TUIO, so it is not needed.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "libqt6sql6-sqlite, fonts-noto-core, hicolor-icon-theme")
# Native Wayland windows (XWayland works without it), and a keychain for provider keys (Secret
# Service; without one, keys come from the environment only).
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "qt6-wayland, gnome-keyring | kwalletmanager")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION
"operator console for e-commerce voice agents
Ringside lets the support and operations teams of online stores design
and test AI voice agents locally, supervise live calls and step into any
of them, and read KPI and ROI dashboards. Agents answer order-status
calls, give delivery updates, confirm cash-on-delivery orders in Hindi,
recover abandoned carts and start returns.
.
The console has five workspaces: Agents (an editor with live checks and
a greeting preview), Test Call (typed, spoken or WAV calls, regression
scenarios), Live Calls (listen, whisper, take over, escalations),
Analytics (KPIs, charts, ROI) and Settings. It speaks English and Hindi.
The engine comes from the ringside-engine package.")

include(CPack)
cpack_add_component(engine DISPLAY_NAME "Engine")
if(RINGSIDE_BUILD_UI)
    cpack_add_component(console DISPLAY_NAME "Console" DEPENDS engine)
endif()
