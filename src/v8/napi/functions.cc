// Node-API functions: making JS functions that call an addon's napi_callback (the
// one trampoline every such function shares), the callback's info, and calling JS
// functions and constructors from native code.
#include "env.h"

using namespace v8;

struct napi_callback_info__ {
  const FunctionCallbackInfo<Value>* info;
  void* data;
};

namespace {

// What a native function's External carries; freed once the function is collected.
struct CallbackData {
  napi_env env;
  napi_callback cb;
  void* data;
  Global<Value> owner;
};

void free_callback_data(const WeakCallbackInfo<CallbackData>& wi) {
  CallbackData* d = wi.GetParameter();
  d->owner.Reset();
  delete d;
}

void invoke(const FunctionCallbackInfo<Value>& info) {
  auto* d = static_cast<CallbackData*>(info.Data().As<External>()->Value());
  napi_env env = d->env;
  napi_callback_info__ cbinfo{&info, d->data};
  napi_clear_last(env);
  env->depth++;
  napi_value result = d->cb(env, &cbinfo);
  env->depth--;
  if (!env->pending.IsEmpty()) {
    napi_rethrow_pending(env);
    return;
  }
  if (result != nullptr) info.GetReturnValue().Set(to_v8(result));
}

}  // namespace

MaybeLocal<Function> napi_make_function(napi_env env, const char* name, size_t len,
                                        napi_callback cb, void* data) {
  Isolate* isolate = env->isolate;
  auto* d = new CallbackData{env, cb, data, {}};
  Local<Function> fn;
  if (!Function::New(env->ctx(), invoke, External::New(isolate, d)).ToLocal(&fn)) {
    delete d;
    return {};
  }
  if (name != nullptr) {
    Local<String> n;
    int l = len == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(len);
    if (String::NewFromUtf8(isolate, name, NewStringType::kInternalized, l).ToLocal(&n)) {
      fn->SetName(n);
    }
  }
  d->owner.Reset(isolate, fn);
  d->owner.SetWeak(d, free_callback_data, WeakCallbackType::kParameter);
  return fn;
}

// A class's constructor or prototype member (templates live as long as the isolate:
// so does their data). A member's signature makes V8 refuse other receivers.
Local<FunctionTemplate> napi_make_template(napi_env env, napi_callback cb, void* data,
                                           Local<Signature> signature) {
  auto* d = new CallbackData{env, cb, data, {}};
  return FunctionTemplate::New(env->isolate, invoke, External::New(env->isolate, d), signature);
}

extern "C" {

napi_status NAPI_CDECL napi_create_function(napi_env env, const char* utf8name, size_t length,
                                            napi_callback cb, void* data, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, cb);
  Local<Function> fn;
  if (!napi_make_function(env, utf8name, length, cb, data).ToLocal(&fn)) {
    return napi_set_last(env, napi_generic_failure);
  }
  *result = to_napi(fn);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t* argc,
                                        napi_value* argv, napi_value* this_arg, void** data) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, cbinfo);
  const FunctionCallbackInfo<Value>& info = *cbinfo->info;
  if (argv != nullptr) {
    NAPI_CHECK_ARG(env, argc);
    size_t have = static_cast<size_t>(info.Length());
    for (size_t i = 0; i < *argc; i++) {
      argv[i] = to_napi(i < have ? info[static_cast<int>(i)] : Undefined(env->isolate).As<Value>());
    }
  }
  if (argc != nullptr) *argc = static_cast<size_t>(info.Length());
  if (this_arg != nullptr) *this_arg = to_napi(info.This());
  if (data != nullptr) *data = cbinfo->data;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_new_target(napi_env env, napi_callback_info cbinfo,
                                           napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, cbinfo);
  NAPI_CHECK_ARG(env, result);
  const FunctionCallbackInfo<Value>& info = *cbinfo->info;
  *result = info.IsConstructCall() ? to_napi(info.NewTarget()) : nullptr;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_call_function(napi_env env, napi_value recv, napi_value func,
                                          size_t argc, const napi_value* argv,
                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, recv);
  NAPI_CHECK_ARG(env, func);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  Local<Value> f = to_v8(func);
  NAPI_RETURN_IF(env, !f->IsFunction(), napi_invalid_arg);
  Local<Value> value;
  bool ok = f.As<Function>()
                ->Call(env->ctx(), to_v8(recv), static_cast<int>(argc),
                       reinterpret_cast<Local<Value>*>(const_cast<napi_value*>(argv)))
                .ToLocal(&value);
  if (ok && result != nullptr) *result = to_napi(value);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_new_instance(napi_env env, napi_value constructor, size_t argc,
                                         const napi_value* argv, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, constructor);
  NAPI_CHECK_ARG(env, result);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  Local<Value> c = to_v8(constructor);
  NAPI_RETURN_IF(env, !c->IsFunction(), napi_invalid_arg);
  Local<Object> obj;
  bool ok = c.As<Function>()
                ->NewInstance(env->ctx(), static_cast<int>(argc),
                              reinterpret_cast<Local<Value>*>(const_cast<napi_value*>(argv)))
                .ToLocal(&obj);
  if (ok) *result = to_napi(obj);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

}  // extern "C"
