// Node-API errors and exceptions: making Error objects (with a `code`), throwing
// (the exception waits as the env's pending one until the native callback
// returns), and inspecting or clearing what is pending.
#include "env.h"

using namespace v8;

typedef Local<Value> (*ErrorMaker)(Local<String>, Local<Value>);

static Local<Value> make_error(Local<String> m, Local<Value>) { return Exception::Error(m); }
static Local<Value> make_type(Local<String> m, Local<Value>) { return Exception::TypeError(m); }
static Local<Value> make_range(Local<String> m, Local<Value>) { return Exception::RangeError(m); }
static Local<Value> make_syntax(Local<String> m, Local<Value>) {
  return Exception::SyntaxError(m);
}

static bool set_code(napi_env env, Local<Value> error, Local<Value> code) {
  if (code.IsEmpty() || !error->IsObject()) return true;
  return error.As<Object>()
      ->Set(env->ctx(), String::NewFromUtf8Literal(env->isolate, "code"), code)
      .IsJust();
}

static napi_status create(napi_env env, napi_value code, napi_value msg, napi_value* result,
                          ErrorMaker maker) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, msg);
  NAPI_CHECK_ARG(env, result);
  Local<Value> m = to_v8(msg);
  NAPI_RETURN_IF(env, !m->IsString(), napi_string_expected);
  Local<Value> c;
  if (code != nullptr) {
    c = to_v8(code);
    NAPI_RETURN_IF(env, !c->IsString(), napi_string_expected);
  }
  Local<Value> error = maker(m.As<String>(), {});
  if (!set_code(env, error, c)) return napi_set_last(env, napi_generic_failure);
  *result = to_napi(error);
  return NAPI_OK(env);
}

static napi_status throw_with(napi_env env, const char* code, const char* msg, ErrorMaker maker) {
  NAPI_PREAMBLE(env);
  Isolate* isolate = env->isolate;
  Local<String> m;
  if (!String::NewFromUtf8(isolate, msg == nullptr ? "" : msg).ToLocal(&m)) {
    return napi_set_last(env, napi_generic_failure);
  }
  Local<Value> error = maker(m, {});
  if (code != nullptr) {
    Local<String> c;
    if (!String::NewFromUtf8(isolate, code).ToLocal(&c) || !set_code(env, error, c)) {
      return napi_set_last(env, napi_generic_failure);
    }
  }
  isolate->ThrowException(error);
  return NAPI_OK(env);
}

void napi_throw_coded(napi_env env, bool range, const char* code, const char* message) {
  Isolate* isolate = env->isolate;
  Local<String> m = String::NewFromUtf8(isolate, message).ToLocalChecked();
  Local<Value> error = range ? Exception::RangeError(m) : Exception::TypeError(m);
  set_code(env, error, String::NewFromUtf8(isolate, code).ToLocalChecked());
  isolate->ThrowException(error);
}

extern "C" {

napi_status NAPI_CDECL napi_create_error(napi_env env, napi_value code, napi_value msg,
                                         napi_value* result) {
  return create(env, code, msg, result, make_error);
}
napi_status NAPI_CDECL napi_create_type_error(napi_env env, napi_value code, napi_value msg,
                                              napi_value* result) {
  return create(env, code, msg, result, make_type);
}
napi_status NAPI_CDECL napi_create_range_error(napi_env env, napi_value code, napi_value msg,
                                               napi_value* result) {
  return create(env, code, msg, result, make_range);
}
napi_status NAPI_CDECL node_api_create_syntax_error(napi_env env, napi_value code,
                                                   napi_value msg, napi_value* result) {
  return create(env, code, msg, result, make_syntax);
}

napi_status NAPI_CDECL napi_throw(napi_env env, napi_value error) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, error);
  env->isolate->ThrowException(to_v8(error));
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_throw_error(napi_env env, const char* code, const char* msg) {
  return throw_with(env, code, msg, make_error);
}
napi_status NAPI_CDECL napi_throw_type_error(napi_env env, const char* code, const char* msg) {
  return throw_with(env, code, msg, make_type);
}
napi_status NAPI_CDECL napi_throw_range_error(napi_env env, const char* code, const char* msg) {
  return throw_with(env, code, msg, make_range);
}
napi_status NAPI_CDECL node_api_throw_syntax_error(napi_env env, const char* code,
                                                   const char* msg) {
  return throw_with(env, code, msg, make_syntax);
}

napi_status NAPI_CDECL napi_is_error(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsNativeError();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_exception_pending(napi_env env, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = !env->pending.IsEmpty();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_and_clear_last_exception(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  if (env->pending.IsEmpty()) {
    *result = to_napi(Undefined(env->isolate));
  } else {
    *result = to_napi(env->pending.Get(env->isolate));
    env->pending.Reset();
  }
  return NAPI_OK(env);
}

}  // extern "C"
