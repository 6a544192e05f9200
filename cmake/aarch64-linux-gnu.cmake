# Cross-build for 64-bit ARM Linux (Raspberry Pi 3/4/5-class boards) with
# Debian's g++-aarch64-linux-gnu. Tests run under qemu-aarch64 via ctest.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# EDGELITE_QEMU_CPU picks the emulated core (max has dot-product; cortex-a72
# does not).
if(NOT DEFINED EDGELITE_QEMU_CPU)
  set(EDGELITE_QEMU_CPU max)
endif()
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-cpu;${EDGELITE_QEMU_CPU};-L;/usr/aarch64-linux-gnu)
