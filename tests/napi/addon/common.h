/* coil's Node-API test addon: helpers shared by its files. Each file exercises one
 * area of Node-API and registers its functions with add_*(env, exports). */
#ifndef COIL_NAPI_TEST_COMMON_H
#define COIL_NAPI_TEST_COMMON_H
#define NAPI_VERSION 9
#include <node_api.h>
#include <stddef.h>

/* On a failed call: throw its last-error message (unless an exception is pending)
 * and return NULL to JS. */
#define CHECK(call)                                                        \
  do {                                                                     \
    napi_status check_status_ = (call);                                    \
    if (check_status_ != napi_ok) {                                        \
      fail(env, check_status_, #call);                                     \
      return NULL;                                                         \
    }                                                                      \
  } while (0)

void fail(napi_env env, napi_status status, const char* what);
void export_fn(napi_env env, napi_value exports, const char* name, napi_callback cb);
/* argv[0..n) of this call (undefined past argc). */
void args(napi_env env, napi_callback_info info, size_t n, napi_value* argv);
napi_value str(napi_env env, const char* s);
napi_value num(napi_env env, double d);
napi_value boolean(napi_env env, int b);
/* The message napi_get_last_error_info gives now. */
napi_value last_message(napi_env env);

void add_values(napi_env env, napi_value exports);
void add_objects(napi_env env, napi_value exports);
void add_lifetimes(napi_env env, napi_value exports);
void add_errors(napi_env env, napi_value exports);
void add_buffers(napi_env env, napi_value exports);
void add_async(napi_env env, napi_value exports);
#endif
