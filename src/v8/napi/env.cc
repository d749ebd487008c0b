// Node-API environments: loading an addon into one (its register function, the
// legacy napi_module_register), the last error's info, instance data, clean-up
// hooks, versions, fatal errors, and what a callback leaves pending.
#include "env.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace v8;

static const char* const kErrorMessages[] = {
    nullptr,
    "Invalid argument",
    "An object was expected",
    "A string was expected",
    "A string or symbol was expected",
    "A function was expected",
    "A number was expected",
    "A boolean was expected",
    "An array was expected",
    "Unknown failure",
    "An exception is pending",
    "The async work item was cancelled",
    "napi_escape_handle already called on scope",
    "Invalid handle scope usage",
    "Invalid callback scope usage",
    "Thread-safe function queue is full",
    "Thread-safe function handle is closing",
    "A bigint was expected",
    "A date was expected",
    "An arraybuffer was expected",
    "A detachable arraybuffer was expected",
    "Main thread would deadlock",
    "External buffers are not allowed",
    "Cannot run JavaScript",
};

napi_status napi_set_last(napi_env env, napi_status status) {
  env->last_error.error_code = status;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = nullptr;
  return status;
}

// Set by napi_module_register while dlopen runs the addon's static constructors.
static thread_local napi_module* t_legacy_module = nullptr;
// Set when an addon built on node.h registered itself the same way instead.
static thread_local bool t_node_module = false;
static std::vector<napi_env>* g_envs = nullptr;

extern "C" {

void coil_napi_legacy_reset() {
  t_legacy_module = nullptr;
  t_node_module = false;
}
bool coil_napi_node_module_seen() { return t_node_module; }

// Node's C++ addon API registers through this (NODE_MODULE): coil exports its own
// so that such an addon reaches it, not libnode's, and is refused by name.
void node_module_register(void* module) { t_node_module = true; }
void* coil_napi_legacy_take() {
  napi_module* m = t_legacy_module;
  t_legacy_module = nullptr;
  return m != nullptr ? reinterpret_cast<void*>(m->nm_register_func) : nullptr;
}

// A new env for an addon, its init(env, exports) run; module.exports becomes what
// init returned. Returns false with the exception thrown into the caller's JS.
bool coil_napi_register(Isolate* isolate, napi_addon_register_func init, int32_t api_version,
                        const Object* module, const Object* exports, const Object* buffer_proto,
                        const char* filename_url) {
  napi_env env = new napi_env__();
  env->isolate = isolate;
  Local<Context> ctx = isolate->GetCurrentContext();
  env->context.Reset(isolate, ctx);
  env->buffer_prototype.Reset(isolate, ptr_to_local(buffer_proto));
  env->wrap_key.Reset(isolate, Private::New(isolate, String::NewFromUtf8Literal(isolate, "napi:wrap")));
  env->tag_key.Reset(isolate, Private::New(isolate, String::NewFromUtf8Literal(isolate, "napi:tag")));
  env->module_api_version = api_version;
  env->filename_url = filename_url;
  if (g_envs == nullptr) g_envs = new std::vector<napi_env>();
  g_envs->push_back(env);

  Local<Object> mod = ptr_to_local(module);
  Local<Object> exp = ptr_to_local(exports);
  env->depth++;
  napi_value result = init(env, to_napi(exp));
  env->depth--;
  if (!env->pending.IsEmpty()) {
    napi_rethrow_pending(env);
    return false;
  }
  if (result != nullptr && to_v8(result) != exp.As<Value>()) {
    TryCatch tc(isolate);
    if (mod->Set(ctx, String::NewFromUtf8Literal(isolate, "exports"), to_v8(result)).IsNothing()) {
      tc.ReThrow();
      return false;
    }
  }
  return true;
}

// Process exit: every env's clean-up hooks and outstanding finalizers.
void coil_napi_teardown() {
  if (g_envs == nullptr) return;
  std::vector<napi_env> envs;
  envs.swap(*g_envs);
  for (auto it = envs.rbegin(); it != envs.rend(); ++it) napi_env_teardown(*it);
}

}  // extern "C"

void napi_rethrow_pending(napi_env env) {
  if (env->pending.IsEmpty()) return;
  Local<Value> exc = env->pending.Get(env->isolate);
  env->pending.Reset();
  env->isolate->ThrowException(exc);
}

void napi_report_pending(napi_env env) {
  if (env->pending.IsEmpty()) return;
  HandleScope scope(env->isolate);
  Local<Value> exc = env->pending.Get(env->isolate);
  env->pending.Reset();
  coil_napi_rs_uncaught(env->isolate, *exc);
}

void napi_env_teardown(napi_env env) {
  HandleScope scope(env->isolate);
  Context::Scope cs(env->ctx());
  // Hooks run in the reverse order of their adding.
  while (!env->cleanup_hooks.empty()) {
    CleanupHook h = env->cleanup_hooks.back();
    env->cleanup_hooks.pop_back();
    if (h.async_fun != nullptr) {
      h.async_fun(h.handle, h.arg);
    } else {
      h.fun(h.arg);
    }
  }
  std::vector<napi_threadsafe_function> open;
  open.swap(env->tsfns);
  for (napi_threadsafe_function t : open) napi_tsfn_teardown(t);
  while (env->refs != nullptr) {
    NapiReference* ref = env->refs;
    env->refs = ref->next;
    if (ref->next != nullptr) ref->next->prev = nullptr;
    ref->next = ref->prev = nullptr;
    if (!ref->finalized && ref->finalize_cb != nullptr) {
      ref->finalized = true;
      ref->finalize_cb(env, ref->data, ref->hint);
    }
  }
  if (env->instance_finalize != nullptr) {
    napi_finalize fin = env->instance_finalize;
    env->instance_finalize = nullptr;
    fin(env, env->instance_data, env->instance_hint);
  }
}

extern "C" {

void NAPI_CDECL napi_module_register(napi_module* mod) { t_legacy_module = mod; }

napi_status NAPI_CDECL napi_get_last_error_info(napi_env env,
                                                const napi_extended_error_info** result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  int code = env->last_error.error_code;
  const int last = static_cast<int>(sizeof(kErrorMessages) / sizeof(kErrorMessages[0]));
  env->last_error.error_message = code >= 0 && code < last ? kErrorMessages[code] : nullptr;
  *result = &env->last_error;
  // This call itself does not change the last status.
  return napi_ok;
}

napi_status NAPI_CDECL napi_set_instance_data(napi_env env, void* data, napi_finalize finalize_cb,
                                              void* finalize_hint) {
  NAPI_CHECK_ENV(env);
  env->instance_data = data;
  env->instance_finalize = finalize_cb;
  env->instance_hint = finalize_hint;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_instance_data(napi_env env, void** data) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, data);
  *data = env->instance_data;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_add_env_cleanup_hook(napi_env env, napi_cleanup_hook fun, void* arg) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, fun);
  for (const CleanupHook& h : env->cleanup_hooks) {
    if (h.fun == fun && h.arg == arg) {
      fprintf(stderr, "FATAL ERROR: napi_add_env_cleanup_hook the same hook added twice\n");
      abort();
    }
  }
  env->cleanup_hooks.push_back({fun, nullptr, arg, nullptr});
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_remove_env_cleanup_hook(napi_env env, napi_cleanup_hook fun,
                                                    void* arg) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, fun);
  for (auto it = env->cleanup_hooks.begin(); it != env->cleanup_hooks.end(); ++it) {
    if (it->fun == fun && it->arg == arg) {
      env->cleanup_hooks.erase(it);
      break;
    }
  }
  return NAPI_OK(env);
}

struct napi_async_cleanup_hook_handle__ {
  napi_env env;
};

napi_status NAPI_CDECL napi_add_async_cleanup_hook(napi_env env, napi_async_cleanup_hook hook,
                                                   void* arg,
                                                   napi_async_cleanup_hook_handle* remove_handle) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, hook);
  auto* handle = new napi_async_cleanup_hook_handle__{env};
  env->cleanup_hooks.push_back({nullptr, hook, arg, handle});
  if (remove_handle != nullptr) *remove_handle = handle;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_remove_async_cleanup_hook(napi_async_cleanup_hook_handle handle) {
  if (handle == nullptr) return napi_invalid_arg;
  napi_env env = handle->env;
  for (auto it = env->cleanup_hooks.begin(); it != env->cleanup_hooks.end(); ++it) {
    if (it->async_fun != nullptr && it->handle == handle) {
      env->cleanup_hooks.erase(it);
      break;
    }
  }
  delete handle;
  return napi_ok;
}

napi_status NAPI_CDECL napi_get_version(napi_env env, uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = 9;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_node_version(napi_env env, const napi_node_version** version) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, version);
  // The Node version coil reports as process.version.
  static const napi_node_version kVersion = {20, 11, 1, "node"};
  *version = &kVersion;
  return NAPI_OK(env);
}

// coil's loop is not libuv's: there is no uv_loop_t to hand out.
napi_status NAPI_CDECL napi_get_uv_event_loop(napi_env env, struct uv_loop_s** loop) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, loop);
  *loop = nullptr;
  return napi_set_last(env, napi_generic_failure);
}

napi_status NAPI_CDECL node_api_get_module_file_name(napi_env env, const char** result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = env->filename_url.c_str();
  return NAPI_OK(env);
}

NAPI_NO_RETURN void NAPI_CDECL napi_fatal_error(const char* location, size_t location_len,
                                                const char* message, size_t message_len) {
  std::string loc = location == nullptr ? ""
                    : location_len == NAPI_AUTO_LENGTH ? std::string(location)
                                                       : std::string(location, location_len);
  std::string msg = message == nullptr ? ""
                    : message_len == NAPI_AUTO_LENGTH ? std::string(message)
                                                      : std::string(message, message_len);
  fprintf(stderr, "FATAL ERROR: %s %s\n", loc.c_str(), msg.c_str());
  fflush(stderr);
  abort();
}

napi_status NAPI_CDECL napi_fatal_exception(napi_env env, napi_value err) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, err);
  coil_napi_rs_uncaught(env->isolate, *to_v8(err));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_adjust_external_memory(napi_env env, int64_t change_in_bytes,
                                                   int64_t* adjusted_value) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, adjusted_value);
  *adjusted_value = env->isolate->AdjustAmountOfExternalAllocatedMemory(change_in_bytes);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_run_script(napi_env env, napi_value script, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, script);
  NAPI_CHECK_ARG(env, result);
  Local<Value> src = to_v8(script);
  NAPI_RETURN_IF(env, !src->IsString(), napi_string_expected);
  Local<Context> ctx = env->ctx();
  Local<Script> compiled;
  Local<Value> value;
  bool ok = Script::Compile(ctx, src.As<String>()).ToLocal(&compiled) &&
            compiled->Run(ctx).ToLocal(&value);
  if (ok) *result = to_napi(value);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

}  // extern "C"
