// The translation unit a precompiled header is built from (cmake/PrecompiledHeaders.cmake).
