// libFuzzer's driver, linked in by `-sanitize=fuzzer` (used only when building with `make fuzz`).
// SwiftPM links an executable's entry point under its own name, so libFuzzer's `main` is not
// used; the fuzz targets' `main` calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
