// Node-API values and types: primitives, strings, symbols, BigInts, dates, arrays,
// typeof and the coercions.
#include "env.h"

#include <climits>
#include <cmath>

using namespace v8;

// NAPI_AUTO_LENGTH means NUL-terminated; V8 takes -1 for that. Longer than an
// int can say is refused.
static bool string_length(size_t length, int* out) {
  if (length == NAPI_AUTO_LENGTH) {
    *out = -1;
    return true;
  }
  if (length > static_cast<size_t>(INT_MAX)) return false;
  *out = static_cast<int>(length);
  return true;
}

template <typename Make>
static napi_status make_string(napi_env env, const void* str, size_t length, napi_value* result,
                               Make make) {
  NAPI_CHECK_ENV(env);
  if (length > 0) NAPI_CHECK_ARG(env, str);
  NAPI_CHECK_ARG(env, result);
  int len;
  NAPI_RETURN_IF(env, !string_length(length, &len), napi_invalid_arg);
  Local<String> s;
  if (!make(len).ToLocal(&s)) return napi_set_last(env, napi_generic_failure);
  *result = to_napi(s);
  return NAPI_OK(env);
}

static napi_status set_value(napi_env env, napi_value* result, Local<Value> v) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = to_napi(v);
  return NAPI_OK(env);
}

extern "C" {

napi_status NAPI_CDECL napi_get_undefined(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Undefined(env->isolate));
}
napi_status NAPI_CDECL napi_get_null(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Null(env->isolate));
}
napi_status NAPI_CDECL napi_get_global(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, env->ctx()->Global());
}
napi_status NAPI_CDECL napi_get_boolean(napi_env env, bool value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Boolean::New(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_object(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Object::New(env->isolate));
}
napi_status NAPI_CDECL napi_create_array(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Array::New(env->isolate));
}
napi_status NAPI_CDECL napi_create_array_with_length(napi_env env, size_t length,
                                                     napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Array::New(env->isolate, static_cast<int>(length)));
}
napi_status NAPI_CDECL napi_create_double(napi_env env, double value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Number::New(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_int32(napi_env env, int32_t value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Integer::New(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_uint32(napi_env env, uint32_t value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Integer::NewFromUnsigned(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_int64(napi_env env, int64_t value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, Number::New(env->isolate, static_cast<double>(value)));
}
napi_status NAPI_CDECL napi_create_bigint_int64(napi_env env, int64_t value, napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, BigInt::New(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_bigint_uint64(napi_env env, uint64_t value,
                                                 napi_value* result) {
  NAPI_CHECK_ENV(env);
  return set_value(env, result, BigInt::NewFromUnsigned(env->isolate, value));
}
napi_status NAPI_CDECL napi_create_bigint_words(napi_env env, int sign_bit, size_t word_count,
                                                const uint64_t* words, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, words);
  NAPI_CHECK_ARG(env, result);
  NAPI_RETURN_IF(env, word_count > INT_MAX, napi_invalid_arg);
  Local<BigInt> big;
  bool ok = BigInt::NewFromWords(env->ctx(), sign_bit, static_cast<int>(word_count), words)
                .ToLocal(&big);
  if (ok) *result = to_napi(big);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_create_string_utf8(napi_env env, const char* str, size_t length,
                                               napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromUtf8(env->isolate, str, NewStringType::kNormal, len);
  });
}
napi_status NAPI_CDECL napi_create_string_latin1(napi_env env, const char* str, size_t length,
                                                 napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromOneByte(env->isolate, reinterpret_cast<const uint8_t*>(str),
                                  NewStringType::kNormal, len);
  });
}
napi_status NAPI_CDECL napi_create_string_utf16(napi_env env, const char16_t* str, size_t length,
                                                napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromTwoByte(env->isolate, reinterpret_cast<const uint16_t*>(str),
                                  NewStringType::kNormal, len);
  });
}
// Property keys (node 20's experimental additions): internalized strings, which
// V8 compares by identity.
NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_latin1(napi_env env,
                                                                       const char* str,
                                                                       size_t length,
                                                                       napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromOneByte(env->isolate, reinterpret_cast<const uint8_t*>(str),
                                  NewStringType::kInternalized, len);
  });
}
NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_utf8(napi_env env,
                                                                     const char* str,
                                                                     size_t length,
                                                                     napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromUtf8(env->isolate, str, NewStringType::kInternalized, len);
  });
}
NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_utf16(napi_env env,
                                                                      const char16_t* str,
                                                                      size_t length,
                                                                      napi_value* result) {
  return make_string(env, str, length, result, [&](int len) {
    return String::NewFromTwoByte(env->isolate, reinterpret_cast<const uint16_t*>(str),
                                  NewStringType::kInternalized, len);
  });
}

// External strings are copied (allowed: `copied` says so, and the caller keeps
// ownership of its buffer).
napi_status NAPI_CDECL node_api_create_external_string_latin1(napi_env env, char* str,
                                                              size_t length, napi_finalize cb,
                                                              void* hint, napi_value* result,
                                                              bool* copied) {
  napi_status s = napi_create_string_latin1(env, str, length, result);
  if (s == napi_ok && copied != nullptr) *copied = true;
  return s;
}
napi_status NAPI_CDECL node_api_create_external_string_utf16(napi_env env, char16_t* str,
                                                             size_t length, napi_finalize cb,
                                                             void* hint, napi_value* result,
                                                             bool* copied) {
  napi_status s = napi_create_string_utf16(env, str, length, result);
  if (s == napi_ok && copied != nullptr) *copied = true;
  return s;
}

napi_status NAPI_CDECL napi_create_symbol(napi_env env, napi_value description,
                                          napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  Local<Symbol> sym;
  if (description == nullptr) {
    sym = Symbol::New(env->isolate);
  } else {
    Local<Value> d = to_v8(description);
    NAPI_RETURN_IF(env, !d->IsString(), napi_string_expected);
    sym = Symbol::New(env->isolate, d.As<String>());
  }
  *result = to_napi(sym);
  return NAPI_OK(env);
}
napi_status NAPI_CDECL node_api_symbol_for(napi_env env, const char* utf8description,
                                           size_t length, napi_value* result) {
  napi_value key;
  napi_status s = napi_create_string_utf8(env, utf8description, length, &key);
  if (s != napi_ok) return s;
  *result = to_napi(Symbol::For(env->isolate, to_v8(key).As<String>()));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_date(napi_env env, double time, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Value> date;
  bool ok = Date::New(env->ctx(), time).ToLocal(&date);
  if (ok) *result = to_napi(date);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}
napi_status NAPI_CDECL napi_is_date(napi_env env, napi_value value, bool* is_date) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_date);
  *is_date = to_v8(value)->IsDate();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_date_value(napi_env env, napi_value value, double* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsDate(), napi_date_expected);
  *result = v.As<Date>()->ValueOf();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_typeof(napi_env env, napi_value value, napi_valuetype* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  if (v->IsNumber()) *result = napi_number;
  else if (v->IsBigInt()) *result = napi_bigint;
  else if (v->IsString()) *result = napi_string;
  else if (v->IsFunction()) *result = napi_function;
  else if (v->IsExternal()) *result = napi_external;
  else if (v->IsObject()) *result = napi_object;
  else if (v->IsBoolean()) *result = napi_boolean;
  else if (v->IsUndefined()) *result = napi_undefined;
  else if (v->IsSymbol()) *result = napi_symbol;
  else if (v->IsNull()) *result = napi_null;
  else return napi_set_last(env, napi_invalid_arg);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_value_double(napi_env env, napi_value value, double* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsNumber(), napi_number_expected);
  *result = v.As<Number>()->Value();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_int32(napi_env env, napi_value value, int32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsNumber(), napi_number_expected);
  *result = v->Int32Value(env->ctx()).FromJust();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_uint32(napi_env env, napi_value value, uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsNumber(), napi_number_expected);
  *result = v->Uint32Value(env->ctx()).FromJust();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_int64(napi_env env, napi_value value, int64_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsNumber(), napi_number_expected);
  double d = v.As<Number>()->Value();
  // Non-finite numbers are 0; the rest saturate at the int64 range.
  if (!std::isfinite(d)) *result = 0;
  else if (d >= 9223372036854775808.0) *result = INT64_MAX;
  else if (d <= -9223372036854775808.0) *result = INT64_MIN;
  else *result = static_cast<int64_t>(d);
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_bool(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsBoolean(), napi_boolean_expected);
  *result = v.As<Boolean>()->Value();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_bigint_int64(napi_env env, napi_value value,
                                                   int64_t* result, bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsBigInt(), napi_bigint_expected);
  *result = v.As<BigInt>()->Int64Value(lossless);
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_bigint_uint64(napi_env env, napi_value value,
                                                    uint64_t* result, bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsBigInt(), napi_bigint_expected);
  *result = v.As<BigInt>()->Uint64Value(lossless);
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_bigint_words(napi_env env, napi_value value, int* sign_bit,
                                                   size_t* word_count, uint64_t* words) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, word_count);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsBigInt(), napi_bigint_expected);
  Local<BigInt> big = v.As<BigInt>();
  int needed = big->WordCount();
  if (sign_bit == nullptr && words == nullptr) {
    *word_count = static_cast<size_t>(needed);
  } else {
    NAPI_CHECK_ARG(env, sign_bit);
    NAPI_CHECK_ARG(env, words);
    int count = static_cast<int>(*word_count);
    big->ToWordsArray(sign_bit, &count, words);
    *word_count = static_cast<size_t>(count);
  }
  return NAPI_OK(env);
}

// The UTF-8 length of a Latin-1 string of at most kScratch chars (a byte from
// 0x80 takes two), read with WriteOneByte, a plain copy: V8's own Utf8Length and
// WriteUtf8 walk character by character and were a third of a small hashing
// addon call's time. -1 when the string does not fit the scratch buffer.
static const int kScratch = 4096;
static bool has_high_byte(const uint8_t* p, int n) {
  uint8_t any = 0;
  for (int i = 0; i < n; i++) any |= p[i];
  return (any & 0x80) != 0;
}
static int latin1_utf8_length(Isolate* isolate, Local<String> s) {
  int len = s->Length();
  if (len > kScratch) return -1;
  uint8_t scratch[kScratch];
  s->WriteOneByte(isolate, scratch, 0, len, String::NO_NULL_TERMINATION);
  int extra = 0;
  for (int i = 0; i < len; i++) extra += scratch[i] >> 7;
  return len + extra;
}

// Strings out: with no buffer, the length without the NUL; else as much as fits
// in bufsize - 1 (whole characters), NUL-terminated, and how much was written.
napi_status NAPI_CDECL napi_get_value_string_utf8(napi_env env, napi_value value, char* buf,
                                                  size_t bufsize, size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsString(), napi_string_expected);
  Local<String> s = v.As<String>();
  Isolate* isolate = env->isolate;
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    int n = s->IsOneByte() ? latin1_utf8_length(isolate, s) : -1;
    *result = n >= 0 ? n : s->Utf8Length(isolate);
  } else if (bufsize == 0) {
    if (result != nullptr) *result = 0;
  } else {
    int len = s->Length();
    // An ASCII string that fits is its own UTF-8: copy it as Latin-1.
    if (s->IsOneByte() && static_cast<size_t>(len) < bufsize) {
      uint8_t* out = reinterpret_cast<uint8_t*>(buf);
      s->WriteOneByte(isolate, out, 0, len, String::NO_NULL_TERMINATION);
      if (!has_high_byte(out, len)) {
        buf[len] = '\0';
        if (result != nullptr) *result = len;
        return NAPI_OK(env);
      }
    }
    int n = s->WriteUtf8(isolate, buf, static_cast<int>(bufsize - 1), nullptr,
                         String::REPLACE_INVALID_UTF8 | String::NO_NULL_TERMINATION);
    buf[n] = '\0';
    if (result != nullptr) *result = n;
  }
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_string_latin1(napi_env env, napi_value value, char* buf,
                                                    size_t bufsize, size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsString(), napi_string_expected);
  Local<String> s = v.As<String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = s->Length();
  } else if (bufsize == 0) {
    if (result != nullptr) *result = 0;
  } else {
    int n = s->WriteOneByte(env->isolate, reinterpret_cast<uint8_t*>(buf), 0,
                            static_cast<int>(bufsize - 1), String::NO_NULL_TERMINATION);
    buf[n] = '\0';
    if (result != nullptr) *result = n;
  }
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_value_string_utf16(napi_env env, napi_value value, char16_t* buf,
                                                   size_t bufsize, size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsString(), napi_string_expected);
  Local<String> s = v.As<String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = s->Length();
  } else if (bufsize == 0) {
    if (result != nullptr) *result = 0;
  } else {
    int n = s->Write(env->isolate, reinterpret_cast<uint16_t*>(buf), 0,
                     static_cast<int>(bufsize - 1), String::NO_NULL_TERMINATION);
    buf[n] = 0;
    if (result != nullptr) *result = n;
  }
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_coerce_to_bool(napi_env env, napi_value value, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_napi(Boolean::New(env->isolate, to_v8(value)->BooleanValue(env->isolate)));
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_coerce_to_number(napi_env env, napi_value value, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Number> n;
  bool ok = to_v8(value)->ToNumber(env->ctx()).ToLocal(&n);
  if (ok) *result = to_napi(n);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}
napi_status NAPI_CDECL napi_coerce_to_object(napi_env env, napi_value value, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Object> o;
  bool ok = to_v8(value)->ToObject(env->ctx()).ToLocal(&o);
  if (ok) *result = to_napi(o);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}
napi_status NAPI_CDECL napi_coerce_to_string(napi_env env, napi_value value, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<String> s;
  bool ok = to_v8(value)->ToString(env->ctx()).ToLocal(&s);
  if (ok) *result = to_napi(s);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_strict_equals(napi_env env, napi_value lhs, napi_value rhs,
                                          bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, lhs);
  NAPI_CHECK_ARG(env, rhs);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(lhs)->StrictEquals(to_v8(rhs));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_array(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsArray();
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_get_array_length(napi_env env, napi_value value, uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsArray(), napi_array_expected);
  *result = v.As<Array>()->Length();
  return NAPI_OK(env);
}

}  // extern "C"
