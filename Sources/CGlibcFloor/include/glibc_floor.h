/* Nothing to import: glibc_floor.c only defines functions for the linker (it says why).
 * SwiftPM wants a public headers folder in every C target. */
