// Node-API object lifetimes: references (weak at count 0, their finalizer run in
// V8's second-pass weak callback, once), handle scopes, wrap/unwrap, type tags,
// napi_add_finalizer and external values.
#include "env.h"

using namespace v8;

static void ref_unlink(NapiReference* r) {
  napi_env env = r->env;
  if (r->prev != nullptr) {
    r->prev->next = r->next;
  } else if (env->refs == r) {
    env->refs = r->next;
  }
  if (r->next != nullptr) r->next->prev = r->prev;
  r->prev = r->next = nullptr;
}

// After the GC: the finalizer may call into JS, so it runs here, not in the first pass.
static void ref_finalize(const WeakCallbackInfo<NapiReference>& wi) {
  NapiReference* r = wi.GetParameter();
  napi_env env = r->env;
  ref_unlink(r);
  if (!r->finalized && r->finalize_cb != nullptr) {
    r->finalized = true;
    HandleScope scope(env->isolate);
    Context::Scope cs(env->ctx());
    r->running = true;
    r->finalize_cb(env, r->data, r->hint);
    r->running = false;
    napi_report_pending(env);
  }
  if (r->runtime_owned || r->deleted) delete r;
}

static void ref_collected(const WeakCallbackInfo<NapiReference>& wi) {
  NapiReference* r = wi.GetParameter();
  r->handle.Reset();
  if (r->finalize_cb != nullptr && !r->finalized) {
    wi.SetSecondPassCallback(ref_finalize);
  } else if (r->runtime_owned) {
    ref_unlink(r);
    delete r;
  }
}

NapiReference* napi_ref_new(napi_env env, Local<Value> value, uint32_t count, napi_finalize cb,
                            void* data, void* hint, bool runtime_owned) {
  auto* r = new NapiReference{env, Global<Value>(env->isolate, value), 0, cb, data, hint,
                              runtime_owned};
  if (cb != nullptr) {
    r->next = env->refs;
    if (env->refs != nullptr) env->refs->prev = r;
    env->refs = r;
  }
  napi_ref_set_count(r, count);
  return r;
}

void napi_ref_set_count(NapiReference* r, uint32_t count) {
  r->count = count;
  if (r->handle.IsEmpty()) return;
  if (count == 0) {
    // Primitives (a symbol) cannot be weak: they stay held.
    if (r->handle.Get(r->env->isolate)->IsObject()) {
      r->handle.SetWeak(r, ref_collected, WeakCallbackType::kParameter);
    }
  } else {
    r->handle.ClearWeak();
  }
}

void napi_ref_delete(NapiReference* r) {
  r->handle.Reset();
  ref_unlink(r);
  delete r;
}

namespace {
struct HandleScopeBox {
  explicit HandleScopeBox(Isolate* isolate) : scope(isolate) {}
  HandleScope scope;
};
struct EscapableBox {
  explicit EscapableBox(Isolate* isolate) : scope(isolate) {}
  EscapableHandleScope scope;
  bool escaped = false;
};

Local<Private> wrap_key(napi_env env) { return env->wrap_key.Get(env->isolate); }

// The wrap record on `obj`, or null.
NapiReference* wrap_of(napi_env env, Local<Object> obj) {
  Local<Value> v;
  if (!obj->GetPrivate(env->ctx(), wrap_key(env)).ToLocal(&v) || !v->IsExternal()) return nullptr;
  return static_cast<NapiReference*>(v.As<External>()->Value());
}
}  // namespace

extern "C" {

napi_status NAPI_CDECL napi_create_reference(napi_env env, napi_value value,
                                             uint32_t initial_refcount, napi_ref* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  if (env->module_api_version != NAPI_VERSION_EXPERIMENTAL) {
    NAPI_RETURN_IF(env, !(v->IsObject() || v->IsSymbol()), napi_invalid_arg);
  }
  NapiReference* r = napi_ref_new(env, v, initial_refcount, nullptr, nullptr, nullptr, false);
  *result = reinterpret_cast<napi_ref>(r);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_delete_reference(napi_env env, napi_ref ref) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, ref);
  auto* r = reinterpret_cast<NapiReference*>(ref);
  if (r->running) {
    // Deleted from inside its own finalizer: freed when the finalizer returns.
    r->deleted = true;
    return NAPI_OK(env);
  }
  napi_ref_delete(r);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_reference_ref(napi_env env, napi_ref ref, uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, ref);
  auto* r = reinterpret_cast<NapiReference*>(ref);
  napi_ref_set_count(r, r->count + 1);
  if (result != nullptr) *result = r->count;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_reference_unref(napi_env env, napi_ref ref, uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, ref);
  auto* r = reinterpret_cast<NapiReference*>(ref);
  NAPI_RETURN_IF(env, r->count == 0, napi_generic_failure);
  napi_ref_set_count(r, r->count - 1);
  if (result != nullptr) *result = r->count;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_reference_value(napi_env env, napi_ref ref, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, ref);
  NAPI_CHECK_ARG(env, result);
  auto* r = reinterpret_cast<NapiReference*>(ref);
  *result = r->handle.IsEmpty() ? nullptr : to_napi(r->handle.Get(env->isolate));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_open_handle_scope(napi_env env, napi_handle_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_handle_scope>(new HandleScopeBox(env->isolate));
  env->open_handle_scopes++;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_close_handle_scope(napi_env env, napi_handle_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF(env, env->open_handle_scopes == 0, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<HandleScopeBox*>(scope);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_open_escapable_handle_scope(napi_env env,
                                                        napi_escapable_handle_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_escapable_handle_scope>(new EscapableBox(env->isolate));
  env->open_handle_scopes++;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_close_escapable_handle_scope(napi_env env,
                                                         napi_escapable_handle_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF(env, env->open_handle_scopes == 0, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<EscapableBox*>(scope);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_escape_handle(napi_env env, napi_escapable_handle_scope scope,
                                          napi_value escapee, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_CHECK_ARG(env, escapee);
  NAPI_CHECK_ARG(env, result);
  auto* box = reinterpret_cast<EscapableBox*>(scope);
  NAPI_RETURN_IF(env, box->escaped, napi_escape_called_twice);
  box->escaped = true;
  *result = to_napi(box->scope.Escape(to_v8(escapee)));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_wrap(napi_env env, napi_value js_object, void* native_object,
                                 napi_finalize finalize_cb, void* finalize_hint,
                                 napi_ref* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  Local<Value> v = to_v8(js_object);
  NAPI_RETURN_IF(env, !v->IsObject(), napi_invalid_arg);
  Local<Object> obj = v.As<Object>();
  NAPI_RETURN_IF(env, wrap_of(env, obj) != nullptr, napi_invalid_arg);
  NapiReference* r =
      napi_ref_new(env, obj, 0, finalize_cb, native_object, finalize_hint, result == nullptr);
  if (obj->SetPrivate(env->ctx(), wrap_key(env), External::New(env->isolate, r)).IsNothing()) {
    napi_ref_delete(r);
    return napi_set_last(env, napi_pending_exception);
  }
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(r);
  return NAPI_OK(env);
}

static napi_status unwrap(napi_env env, napi_value js_object, void** result, bool remove) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  if (!remove) NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(js_object);
  NAPI_RETURN_IF(env, !v->IsObject(), napi_invalid_arg);
  Local<Object> obj = v.As<Object>();
  NapiReference* r = wrap_of(env, obj);
  NAPI_RETURN_IF(env, r == nullptr, napi_invalid_arg);
  if (result != nullptr) *result = r->data;
  if (remove) {
    obj->DeletePrivate(env->ctx(), wrap_key(env)).Check();
    // The native object is the caller's again: its finalizer never runs.
    r->finalize_cb = nullptr;
    ref_unlink(r);
    if (r->runtime_owned) napi_ref_delete(r);
  }
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_unwrap(napi_env env, napi_value js_object, void** result) {
  return unwrap(env, js_object, result, false);
}
napi_status NAPI_CDECL napi_remove_wrap(napi_env env, napi_value js_object, void** result) {
  return unwrap(env, js_object, result, true);
}

napi_status NAPI_CDECL napi_type_tag_object(napi_env env, napi_value value,
                                            const napi_type_tag* type_tag) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, type_tag);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, value);
  Local<Private> key = env->tag_key.Get(env->isolate);
  Maybe<bool> has = obj->HasPrivate(ctx, key);
  NAPI_RETURN_IF(env, has.IsNothing(), napi_pending_exception);
  NAPI_RETURN_IF(env, has.FromJust(), napi_invalid_arg);
  Local<BigInt> tag;
  if (!BigInt::NewFromWords(ctx, 0, 2, &type_tag->lower).ToLocal(&tag)) {
    return napi_set_last(env, napi_pending_exception);
  }
  bool ok = obj->SetPrivate(ctx, key, tag).IsJust();
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_check_object_type_tag(napi_env env, napi_value value,
                                                  const napi_type_tag* type_tag, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, type_tag);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, value);
  Local<Value> tag;
  if (!obj->GetPrivate(ctx, env->tag_key.Get(env->isolate)).ToLocal(&tag)) {
    return napi_set_last(env, napi_pending_exception);
  }
  *result = false;
  if (tag->IsBigInt()) {
    uint64_t words[2] = {0, 0};
    int sign = 0;
    int count = 2;
    tag.As<BigInt>()->ToWordsArray(&sign, &count, words);
    *result = words[0] == type_tag->lower && words[1] == type_tag->upper;
  }
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_add_finalizer(napi_env env, napi_value js_object,
                                          void* finalize_data, napi_finalize finalize_cb,
                                          void* finalize_hint, napi_ref* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, js_object);
  NAPI_CHECK_ARG(env, finalize_cb);
  Local<Value> v = to_v8(js_object);
  NAPI_RETURN_IF(env, !v->IsObject(), napi_invalid_arg);
  NapiReference* r =
      napi_ref_new(env, v, 0, finalize_cb, finalize_data, finalize_hint, result == nullptr);
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(r);
  return NAPI_OK(env);
}

// coil's finalizers already run outside the GC: a posted one runs now.
napi_status NAPI_CDECL node_api_post_finalizer(napi_env env, napi_finalize finalize_cb,
                                               void* finalize_data, void* finalize_hint) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, finalize_cb);
  finalize_cb(env, finalize_data, finalize_hint);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_external(napi_env env, void* data, napi_finalize finalize_cb,
                                            void* finalize_hint, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  Local<Value> ext = External::New(env->isolate, data);
  if (finalize_cb != nullptr) napi_ref_new(env, ext, 0, finalize_cb, data, finalize_hint, true);
  *result = to_napi(ext);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_value_external(napi_env env, napi_value value, void** result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsExternal(), napi_invalid_arg);
  *result = v.As<External>()->Value();
  return NAPI_OK(env);
}

}  // extern "C"
