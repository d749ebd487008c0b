// coil's own Node-API: the shared internals of src/v8/napi/*.cc. A napi_env is one
// loaded addon's view of the isolate; a napi_value is the Value* a Local<Value>
// wraps (valid while the HandleScope that made it is open); each call records its
// status for napi_get_last_error_info, and an exception raised while it ran JS is
// kept as the env's pending exception until the native callback returns to JS.
// The Rust side (src/binding/napi) loads addons and connects async work and
// thread-safe functions to the loop through the coil_napi_rs_* functions below.
#pragma once

#define NAPI_VERSION 9
#define NAPI_EXPERIMENTAL
#define NODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT
#include <js_native_api.h>
#include <node_api.h>
#include <v8.h>

#include "../handles.h"

#include <cstdint>
#include <string>
#include <vector>

struct NapiReference;

// What the Rust side provides (src/binding/napi/*.rs).
extern "C" {
// Hands an exception to process's 'uncaughtException' machinery (may exit).
void coil_napi_rs_uncaught(v8::Isolate* isolate, const v8::Value* exception);
// Drains process.nextTick's queue and microtasks (the end of a callback scope).
void coil_napi_rs_drain_ticks(v8::Isolate* isolate);
// Runs work->execute on the work pool; napi_async_work_complete comes on the loop.
uint64_t coil_napi_rs_queue_work(void* work);
void coil_napi_rs_cancel_work(uint64_t key);
// A wake-up source: `waker` is usable from any thread; each send makes the loop
// call coil_napi_tsfn_dispatch(tsfn) on its own thread.
void* coil_napi_rs_wake_open(void* tsfn);
void coil_napi_rs_wake_send(void* waker);
void coil_napi_rs_wake_ref(void* waker, bool referenced);
void coil_napi_rs_wake_close(void* waker);
}

// An env clean-up hook (fun) or an async one (async_fun, with its handle).
struct CleanupHook {
  void (*fun)(void*);
  napi_async_cleanup_hook async_fun;
  void* arg;
  napi_async_cleanup_hook_handle handle;
};

struct napi_env__ {
  v8::Isolate* isolate;
  v8::Global<v8::Context> context;
  v8::Global<v8::Value> pending;
  v8::Global<v8::Object> buffer_prototype;
  v8::Global<v8::Private> wrap_key;
  v8::Global<v8::Private> tag_key;
  napi_extended_error_info last_error{};
  int32_t module_api_version = 8;
  std::string filename_url;
  void* instance_data = nullptr;
  napi_finalize instance_finalize = nullptr;
  void* instance_hint = nullptr;
  std::vector<CleanupHook> cleanup_hooks;
  // Every reference with a finalizer still to run, for the finalizers at exit.
  NapiReference* refs = nullptr;
  // Thread-safe functions not yet finalized (finalized at a natural end too).
  std::vector<napi_threadsafe_function> tsfns;
  int open_handle_scopes = 0;
  int open_callback_scopes = 0;
  // Native callbacks on the stack (a finalizer or loop callback runs at depth 0).
  int depth = 0;

  v8::Local<v8::Context> ctx() const { return context.Get(isolate); }
};

// A reference (napi_ref), also the record behind a wrap, a finalizer and an
// external value's finalizer. Weak while its count is 0; its finalizer runs once,
// after V8 collected the value (second-pass callback) or at exit.
struct NapiReference {
  napi_env env;
  v8::Global<v8::Value> handle;
  uint32_t count;
  napi_finalize finalize_cb;
  void* data;
  void* hint;
  // Freed by coil after its finalizer (a wrap's or add_finalizer's without a
  // napi_ref given back), else by napi_delete_reference.
  bool runtime_owned;
  bool finalized = false;
  bool running = false;  // its finalizer is on the stack
  bool deleted = false;  // napi_delete_reference ran from inside its finalizer
  NapiReference* prev = nullptr;
  NapiReference* next = nullptr;
};

NapiReference* napi_ref_new(napi_env env, v8::Local<v8::Value> value, uint32_t count,
                            napi_finalize cb, void* data, void* hint, bool runtime_owned);
void napi_ref_set_count(NapiReference* ref, uint32_t count);
void napi_ref_delete(NapiReference* ref);
// Runs every finalizer not yet run and the cleanup hooks (at process exit).
void napi_env_teardown(napi_env env);
// The program ended with `t` still open: its finalizer runs; `t` stays allocated,
// closing, for threads that may still hold it.
void napi_tsfn_teardown(napi_threadsafe_function t);

static inline napi_value to_napi(v8::Local<v8::Value> v) {
  return reinterpret_cast<napi_value>(*v);
}
static inline v8::Local<v8::Value> to_v8(napi_value v) {
  v8::Local<v8::Value> local;
  static_assert(sizeof(local) == sizeof(v), "a napi_value is a Local");
  memcpy(static_cast<void*>(&local), &v, sizeof(v));
  return local;
}

napi_status napi_set_last(napi_env env, napi_status status);
static inline napi_status napi_clear_last(napi_env env) {
  env->last_error.error_code = napi_ok;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = nullptr;
  return napi_ok;
}

// Keeps what JS threw during a Node-API call as the env's pending exception.
class PendingCatch {
 public:
  explicit PendingCatch(napi_env env) : env_(env), tc_(env->isolate) {}
  ~PendingCatch() {
    if (tc_.HasCaught()) env_->pending.Reset(env_->isolate, tc_.Exception());
  }
  bool caught() const { return tc_.HasCaught(); }

 private:
  napi_env env_;
  v8::TryCatch tc_;
};

#define NAPI_CHECK_ENV(env) \
  do {                      \
    if ((env) == nullptr) return napi_invalid_arg; \
  } while (0)
#define NAPI_CHECK_ARG(env, arg) \
  do {                           \
    if ((arg) == nullptr) return napi_set_last((env), napi_invalid_arg); \
  } while (0)
#define NAPI_RETURN_IF(env, cond, status) \
  do {                                    \
    if (cond) return napi_set_last((env), (status)); \
  } while (0)
// For calls that may run JS: refuse while an exception is pending, and keep what
// JS throws meanwhile.
#define NAPI_PREAMBLE(env)                                                  \
  NAPI_CHECK_ENV(env);                                                      \
  if (!(env)->pending.IsEmpty()) return napi_set_last((env), napi_pending_exception); \
  napi_clear_last(env);                                                     \
  PendingCatch napi_catch_(env)
// The result of a JS-running call: a pending exception, else `status`.
#define NAPI_JS_STATUS(env, ok, status) \
  ((ok) ? napi_set_last((env), (status)) : napi_set_last((env), napi_pending_exception))
#define NAPI_OK(env) napi_clear_last(env)
// A value that must be an object (coerced as node does).
#define NAPI_TO_OBJECT(env, ctx, out, value)                                   \
  v8::Local<v8::Object> out;                                                   \
  do {                                                                         \
    NAPI_CHECK_ARG(env, value);                                                \
    if (!to_v8(value)->ToObject(ctx).ToLocal(&out))                            \
      return napi_set_last((env), napi_object_expected);                       \
  } while (0)

// A native callback's way into JS: the pending exception (if any) is thrown.
void napi_rethrow_pending(napi_env env);
// A loop callback ended: a pending exception becomes an uncaught one.
void napi_report_pending(napi_env env);
// Makes a function calling cb(env, info) with `data`.
v8::MaybeLocal<v8::Function> napi_make_function(napi_env env, const char* name, size_t len,
                                                napi_callback cb, void* data);
v8::Local<v8::FunctionTemplate> napi_make_template(napi_env env, napi_callback cb, void* data,
                                                   v8::Local<v8::Signature> signature);
// The key of a property descriptor (utf8name or name).
v8::MaybeLocal<v8::Name> napi_descriptor_name(napi_env env, const napi_property_descriptor* p);
// Throws an Error with a code (the RangeErrors of typed arrays and data views).
void napi_throw_coded(napi_env env, bool range, const char* code, const char* message);
