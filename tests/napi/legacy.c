/* A Node-API addon registered the old way: napi_module_register called from a
 * static constructor while the library loads; its init returns a new object. */
#define NAPI_VERSION 8
#include <node_api.h>

static napi_value init(napi_env env, napi_value exports) {
  napi_value out, v;
  napi_create_object(env, &out);
  napi_create_string_utf8(env, "registered by napi_module_register", NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, out, "how", v);
  return out;
}

static napi_module legacy = {1, 0, __FILE__, init, "legacy", NULL, {0}};

__attribute__((constructor)) static void register_legacy(void) { napi_module_register(&legacy); }
