/* Values and types: primitives made and read back, strings in three encodings
 * (with truncation), BigInts, dates, symbols, coercions and the is_* checks. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

static napi_value type_of(napi_env env, napi_callback_info info) {
  static const char* names[] = {"undefined", "null",     "boolean",  "number", "string",
                                "symbol",    "object",   "function", "external", "bigint"};
  napi_value argv[1];
  napi_valuetype t;
  args(env, info, 1, argv);
  CHECK(napi_typeof(env, argv[0], &t));
  return str(env, names[t]);
}

static napi_value numbers(napi_env env, napi_callback_info info) {
  napi_value argv[1], out, v;
  int32_t i32;
  uint32_t u32;
  int64_t i64;
  double d;
  args(env, info, 1, argv);
  CHECK(napi_get_value_int32(env, argv[0], &i32));
  CHECK(napi_get_value_uint32(env, argv[0], &u32));
  CHECK(napi_get_value_int64(env, argv[0], &i64));
  CHECK(napi_get_value_double(env, argv[0], &d));
  CHECK(napi_create_array_with_length(env, 4, &out));
  CHECK(napi_create_int32(env, i32, &v));
  CHECK(napi_set_element(env, out, 0, v));
  CHECK(napi_create_uint32(env, u32, &v));
  CHECK(napi_set_element(env, out, 1, v));
  CHECK(napi_create_int64(env, i64, &v));
  CHECK(napi_set_element(env, out, 2, v));
  CHECK(napi_set_element(env, out, 3, num(env, d)));
  return out;
}

static napi_value strings(napi_env env, napi_callback_info info) {
  napi_value argv[1], out, v;
  char buf[8];
  char16_t wbuf[4];
  size_t len;
  args(env, info, 1, argv);
  CHECK(napi_create_object(env, &out));
  CHECK(napi_get_value_string_utf8(env, argv[0], NULL, 0, &len));
  CHECK(napi_set_named_property(env, out, "utf8Length", num(env, (double)len)));
  CHECK(napi_get_value_string_utf8(env, argv[0], buf, 5, &len));
  CHECK(napi_create_string_utf8(env, buf, len, &v));
  CHECK(napi_set_named_property(env, out, "utf8In5", v));
  CHECK(napi_set_named_property(env, out, "utf8In5Bytes", num(env, (double)len)));
  CHECK(napi_get_value_string_latin1(env, argv[0], buf, 4, &len));
  CHECK(napi_create_string_latin1(env, buf, len, &v));
  CHECK(napi_set_named_property(env, out, "latin1In4", v));
  CHECK(napi_get_value_string_utf16(env, argv[0], NULL, 0, &len));
  CHECK(napi_set_named_property(env, out, "utf16Length", num(env, (double)len)));
  CHECK(napi_get_value_string_utf16(env, argv[0], wbuf, 3, &len));
  CHECK(napi_create_string_utf16(env, wbuf, len, &v));
  CHECK(napi_set_named_property(env, out, "utf16In3", v));
  return out;
}

static napi_value make_values(napi_env env, napi_callback_info info) {
  napi_value out, v, desc;
  uint32_t i = 0;
  static const char16_t utf16[] = {0x00fc, 0x20ac, 0};
  static const uint64_t words[] = {1, 2};
  CHECK(napi_create_array(env, &out));
#define PUSH(expr)                          \
  do {                                      \
    CHECK(expr);                            \
    CHECK(napi_set_element(env, out, i++, v)); \
  } while (0)
  PUSH(napi_create_int32(env, -5, &v));
  PUSH(napi_create_uint32(env, 4000000000u, &v));
  PUSH(napi_create_int64(env, 9007199254740991LL, &v));
  PUSH(napi_create_double(env, 0.5, &v));
  PUSH(napi_get_boolean(env, true, &v));
  PUSH(napi_get_null(env, &v));
  PUSH(napi_get_undefined(env, &v));
  PUSH(napi_create_string_utf8(env, "h\xc3\xa9llo!", 6, &v));
  PUSH(napi_create_string_latin1(env, "\xe9t\xe9", NAPI_AUTO_LENGTH, &v));
  PUSH(napi_create_string_utf16(env, utf16, NAPI_AUTO_LENGTH, &v));
  CHECK(napi_create_string_utf8(env, "described", NAPI_AUTO_LENGTH, &desc));
  PUSH(napi_create_symbol(env, desc, &v));
  PUSH(node_api_symbol_for(env, "coil.napi", NAPI_AUTO_LENGTH, &v));
  PUSH(napi_create_bigint_int64(env, -5, &v));
  PUSH(napi_create_bigint_uint64(env, UINT64_MAX, &v));
  PUSH(napi_create_bigint_words(env, 1, 2, words, &v));
  PUSH(napi_create_date(env, 86400000.0, &v));
  PUSH(napi_get_global(env, &v));
#undef PUSH
  return out;
}

static napi_value bigint_info(napi_env env, napi_callback_info info) {
  napi_value argv[1], out;
  int64_t i64;
  uint64_t u64, words[4];
  bool lossless;
  int sign;
  size_t count = 0;
  char text[128];
  args(env, info, 1, argv);
  CHECK(napi_create_array(env, &out));
  CHECK(napi_get_value_bigint_int64(env, argv[0], &i64, &lossless));
  snprintf(text, sizeof text, "int64 %lld lossless %d", (long long)i64, lossless);
  CHECK(napi_set_element(env, out, 0, str(env, text)));
  CHECK(napi_get_value_bigint_uint64(env, argv[0], &u64, &lossless));
  snprintf(text, sizeof text, "uint64 %llu lossless %d", (unsigned long long)u64, lossless);
  CHECK(napi_set_element(env, out, 1, str(env, text)));
  CHECK(napi_get_value_bigint_words(env, argv[0], NULL, &count, NULL));
  size_t needed = count;
  count = 4;
  CHECK(napi_get_value_bigint_words(env, argv[0], &sign, &count, words));
  snprintf(text, sizeof text, "words %zu sign %d low %llu", needed, sign,
           (unsigned long long)words[0]);
  CHECK(napi_set_element(env, out, 2, str(env, text)));
  return out;
}

static napi_value coerce(napi_env env, napi_callback_info info) {
  napi_value argv[1], out, v;
  args(env, info, 1, argv);
  CHECK(napi_create_array(env, &out));
  CHECK(napi_coerce_to_bool(env, argv[0], &v));
  CHECK(napi_set_element(env, out, 0, v));
  CHECK(napi_coerce_to_number(env, argv[0], &v));
  CHECK(napi_set_element(env, out, 1, v));
  CHECK(napi_coerce_to_string(env, argv[0], &v));
  CHECK(napi_set_element(env, out, 2, v));
  CHECK(napi_coerce_to_object(env, argv[0], &v));
  CHECK(napi_set_element(env, out, 3, v));
  return out;
}

static napi_value checks(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  bool b;
  char text[16] = "";
  args(env, info, 1, argv);
  CHECK(napi_is_array(env, argv[0], &b)); strcat(text, b ? "A" : "-");
  CHECK(napi_is_arraybuffer(env, argv[0], &b)); strcat(text, b ? "B" : "-");
  CHECK(napi_is_buffer(env, argv[0], &b)); strcat(text, b ? "U" : "-");
  CHECK(napi_is_date(env, argv[0], &b)); strcat(text, b ? "D" : "-");
  CHECK(napi_is_error(env, argv[0], &b)); strcat(text, b ? "E" : "-");
  CHECK(napi_is_promise(env, argv[0], &b)); strcat(text, b ? "P" : "-");
  CHECK(napi_is_typedarray(env, argv[0], &b)); strcat(text, b ? "T" : "-");
  CHECK(napi_is_dataview(env, argv[0], &b)); strcat(text, b ? "V" : "-");
  return str(env, text);
}

static napi_value strict_equals(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  bool eq;
  args(env, info, 2, argv);
  CHECK(napi_strict_equals(env, argv[0], argv[1], &eq));
  return boolean(env, eq);
}

static napi_value date_value(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double t;
  args(env, info, 1, argv);
  CHECK(napi_get_date_value(env, argv[0], &t));
  return num(env, t);
}

/* Statuses of misuse, with the messages napi_get_last_error_info gives. */
static napi_value misuse(napi_env env, napi_callback_info info) {
  napi_value out, s, obj, v;
  int32_t i;
  bool b;
  double d;
  uint32_t n = 0;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_create_string_utf8(env, "text", NAPI_AUTO_LENGTH, &s));
  CHECK(napi_create_object(env, &obj));
#define RECORD(call)                                       \
  do {                                                     \
    napi_status st = (call);                               \
    napi_value msg = last_message(env), pair;              \
    napi_create_array(env, &pair);                         \
    napi_set_element(env, pair, 0, num(env, st));          \
    napi_set_element(env, pair, 1, msg);                   \
    napi_set_element(env, out, n++, pair);                 \
  } while (0)
  RECORD(napi_get_value_int32(env, s, &i));
  RECORD(napi_get_value_bool(env, s, &b));
  RECORD(napi_get_value_string_utf8(env, obj, NULL, 0, NULL));
  RECORD(napi_get_array_length(env, obj, (uint32_t*)&i));
  RECORD(napi_get_date_value(env, obj, &d));
  RECORD(napi_get_value_bigint_int64(env, s, (int64_t*)&d, &b));
  RECORD(napi_create_function(env, "f", NAPI_AUTO_LENGTH, NULL, NULL, &v));
  RECORD(napi_call_function(env, obj, obj, 0, NULL, &v));
  RECORD(napi_get_value_double(env, s, &d));
  RECORD(napi_create_int32(env, 1, &v));
#undef RECORD
  return out;
}

void add_values(napi_env env, napi_value exports) {
  export_fn(env, exports, "typeOf", type_of);
  export_fn(env, exports, "numbers", numbers);
  export_fn(env, exports, "strings", strings);
  export_fn(env, exports, "makeValues", make_values);
  export_fn(env, exports, "bigintInfo", bigint_info);
  export_fn(env, exports, "coerce", coerce);
  export_fn(env, exports, "checks", checks);
  export_fn(env, exports, "strictEquals", strict_equals);
  export_fn(env, exports, "dateValue", date_value);
  export_fn(env, exports, "misuse", misuse);
}
