/*
 * Keeps the release binary runnable on glibc 2.34 (Ubuntu 22.04 has 2.35; RHEL/Alma/
 * Rocky 9 and Amazon Linux 2023 have 2.34), though it is built on Debian 12 (2.36).
 * Four functions the statically linked libraries call would otherwise be imported
 * from a newer glibc (scripts/release.sh fails if any imported symbol needs more
 * than GLIBC_2.34):
 *   - arc4random_buf (GLIBC_2.36), called by libxcrypt's static archive (bcrypt
 *     salts), and arc4random (GLIBC_2.36), called by the static libstdc++'s
 *     std::random_device: defined here over getrandom (GLIBC_2.25), reading
 *     /dev/urandom where the kernel or a sandbox has no getrandom, as glibc's own does;
 *   - hypot and hypotf (GLIBC_2.35, called by Foundation and swiftGlibc): glibc 2.35
 *     gave them a new version only to drop the old SVID error handling; defined here
 *     as calls to the previous versions (GLIBC_2.2.5), which every x86_64 glibc has.
 * A definition in the executable wins over the shared libraries' at link time, so the
 * archives' references bind here. Linux only (Package.swift), in every build.
 */
#if defined(__linux__) && defined(__x86_64__)
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>

/* Hidden: the definitions serve this executable's own objects only. Exported, they
 * would also answer the dynamic linker's look-up of hypot@GLIBC_2.2.5 (an executable's
 * unversioned symbol matches any version), and hypot would call itself. */
#define HIDDEN __attribute__((visibility("hidden")))

static void fill_from_urandom(unsigned char *p, size_t length) {
    int fd;
    do {
        fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) abort();
    while (length > 0) {
        ssize_t n = read(fd, p, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abort();
        p += n;
        length -= (size_t)n;
    }
    close(fd);
}

HIDDEN void arc4random_buf(void *buffer, size_t length) {
    unsigned char *p = buffer;
    while (length > 0) {
        ssize_t n = getrandom(p, length, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == ENOSYS || errno == EPERM) {
                fill_from_urandom(p, length);
                return;
            }
            abort();
        }
        p += n;
        length -= (size_t)n;
    }
}

HIDDEN uint32_t arc4random(void) {
    uint32_t value;
    arc4random_buf(&value, sizeof value);
    return value;
}

double seedc_hypot_2_2_5(double x, double y);
float seedc_hypotf_2_2_5(float x, float y);
__asm__(".symver seedc_hypot_2_2_5, hypot@GLIBC_2.2.5");
__asm__(".symver seedc_hypotf_2_2_5, hypotf@GLIBC_2.2.5");

HIDDEN double hypot(double x, double y) { return seedc_hypot_2_2_5(x, y); }
HIDDEN float hypotf(float x, float y) { return seedc_hypotf_2_2_5(x, y); }
#endif
