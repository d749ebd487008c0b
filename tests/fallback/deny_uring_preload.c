/* An LD_PRELOAD shim for tests/fallback.rs: its syscall() refuses io_uring_setup
 * with EPERM (as Docker's default seccomp profile does) and forwards everything
 * else to libc's. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

long syscall(long number, ...) {
  static long (*real)(long, ...);
  va_list ap;
  long a[6];
  if (number == SYS_io_uring_setup) {
    errno = EPERM;
    return -1;
  }
  if (!real) real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
  va_start(ap, number);
  for (int i = 0; i < 6; i++) a[i] = va_arg(ap, long);
  va_end(ap);
  return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
