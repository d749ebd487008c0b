/* coil's Node-API test addon: the entry point (napi_register_module_v1 through
 * NAPI_MODULE_INIT), shared helpers, versions, instance data and clean-up hooks. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

void fail(napi_env env, napi_status status, const char* what) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return;
  const napi_extended_error_info* info = NULL;
  napi_get_last_error_info(env, &info);
  char msg[256];
  snprintf(msg, sizeof msg, "%s failed: %s (%d)", what,
           info && info->error_message ? info->error_message : "?", (int)status);
  napi_throw_error(env, "TEST_FAILED", msg);
}

void export_fn(napi_env env, napi_value exports, const char* name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, NULL, &fn);
  napi_set_named_property(env, exports, name, fn);
}

void args(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  size_t argc = n;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
}

napi_value str(napi_env env, const char* s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}
napi_value num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}
napi_value boolean(napi_env env, int b) {
  napi_value v;
  napi_get_boolean(env, b != 0, &v);
  return v;
}
napi_value last_message(napi_env env) {
  const napi_extended_error_info* info = NULL;
  napi_get_last_error_info(env, &info);
  return str(env, info->error_message ? info->error_message : "(none)");
}

/* Which file defines napi_create_object as this addon sees it: the runtime's
 * executable (coil's own Node-API), never a library beside it. */
static napi_value binder(napi_env env, napi_callback_info info) {
  Dl_info where;
  if (dladdr((void*)napi_create_object, &where) == 0 || where.dli_fname == NULL) {
    return str(env, "(unknown)");
  }
  const char* slash = strrchr(where.dli_fname, '/');
  return str(env, slash ? slash + 1 : where.dli_fname);
}

static napi_value versions(napi_env env, napi_callback_info info) {
  uint32_t version;
  const napi_node_version* node;
  CHECK(napi_get_version(env, &version));
  CHECK(napi_get_node_version(env, &node));
  napi_value out;
  CHECK(napi_create_object(env, &out));
  CHECK(napi_set_named_property(env, out, "napi", num(env, version)));
  CHECK(napi_set_named_property(env, out, "major", num(env, node->major)));
  CHECK(napi_set_named_property(env, out, "release", str(env, node->release)));
  /* coil has no libuv loop: it says so (a failure), node hands one out. */
  struct uv_loop_s* loop = NULL;
  napi_status s = napi_get_uv_event_loop(env, &loop);
  CHECK(napi_set_named_property(
      env, out, "uvLoopAnswered",
      boolean(env, (s == napi_ok && loop != NULL) || (s == napi_generic_failure && !loop))));
  const char* file = NULL;
  CHECK(node_api_get_module_file_name(env, &file));
  CHECK(napi_set_named_property(env, out, "fileUrl",
                                boolean(env, strncmp(file, "file:///", 8) == 0 &&
                                                 strstr(file, "coil_napi_test.node") != NULL)));
  return out;
}

typedef struct {
  int calls;
} Instance;

static void free_instance(napi_env env, void* data, void* hint) { free(data); }

static napi_value bump_instance(napi_env env, napi_callback_info info) {
  Instance* inst;
  CHECK(napi_get_instance_data(env, (void**)&inst));
  return num(env, ++inst->calls);
}

static napi_value run_script(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  args(env, info, 1, argv);
  CHECK(napi_run_script(env, argv[0], &result));
  return result;
}

static void hook(void* arg) {
  printf("cleanup hook: %s\n", (const char*)arg);
  fflush(stdout);
}

static void async_hook(napi_async_cleanup_hook_handle handle, void* arg) {
  printf("async cleanup hook: %s\n", (const char*)arg);
  fflush(stdout);
  napi_remove_async_cleanup_hook(handle);
}

static napi_value add_hooks(napi_env env, napi_callback_info info) {
  CHECK(napi_add_env_cleanup_hook(env, hook, "first added, runs last"));
  CHECK(napi_add_env_cleanup_hook(env, hook, "removed, never runs"));
  CHECK(napi_remove_env_cleanup_hook(env, hook, "removed, never runs"));
  CHECK(napi_add_async_cleanup_hook(env, async_hook, "async", NULL));
  CHECK(napi_add_env_cleanup_hook(env, hook, "last added, runs first"));
  return NULL;
}

NAPI_MODULE_INIT() {
  Instance* inst = calloc(1, sizeof(Instance));
  napi_set_instance_data(env, inst, free_instance, NULL);
  export_fn(env, exports, "binder", binder);
  export_fn(env, exports, "versions", versions);
  export_fn(env, exports, "bumpInstance", bump_instance);
  export_fn(env, exports, "runScript", run_script);
  export_fn(env, exports, "addHooks", add_hooks);
  add_values(env, exports);
  add_objects(env, exports);
  add_lifetimes(env, exports);
  add_errors(env, exports);
  add_buffers(env, exports);
  add_async(env, exports);
  return exports;
}
