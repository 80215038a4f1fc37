#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (from clang's runtime, linked by -sanitize=fuzzer): runs the
/// fuzzing loop with `callback` as the target, reading libFuzzer's own flags.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
