/* Errors and exceptions: making and throwing errors with codes, an exception JS
 * threw while C called it (pending, inspected, cleared), a call refused while one
 * is pending, and napi_fatal_exception. */
#include "common.h"

static napi_value throw_it(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  uint32_t kind;
  char code[32], msg[64];
  size_t len;
  args(env, info, 3, argv);
  CHECK(napi_get_value_uint32(env, argv[0], &kind));
  CHECK(napi_get_value_string_utf8(env, argv[1], code, sizeof code, &len));
  CHECK(napi_get_value_string_utf8(env, argv[2], msg, sizeof msg, &len));
  const char* c = code[0] ? code : NULL;
  switch (kind) {
    case 0: napi_throw_error(env, c, msg); break;
    case 1: napi_throw_type_error(env, c, msg); break;
    case 2: napi_throw_range_error(env, c, msg); break;
    case 3: node_api_throw_syntax_error(env, c, msg); break;
    default: napi_throw(env, argv[2]); break;
  }
  return NULL;
}

static napi_value create_errors(napi_env env, napi_callback_info info) {
  napi_value out, e, code, msg;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_create_string_utf8(env, "E_CODE", NAPI_AUTO_LENGTH, &code));
  CHECK(napi_create_string_utf8(env, "made in C", NAPI_AUTO_LENGTH, &msg));
  CHECK(napi_create_error(env, code, msg, &e));
  CHECK(napi_set_element(env, out, 0, e));
  CHECK(napi_create_type_error(env, NULL, msg, &e));
  CHECK(napi_set_element(env, out, 1, e));
  CHECK(napi_create_range_error(env, code, msg, &e));
  CHECK(napi_set_element(env, out, 2, e));
  CHECK(node_api_create_syntax_error(env, code, msg, &e));
  CHECK(napi_set_element(env, out, 3, e));
  CHECK(napi_set_element(env, out, 4, num(env, napi_create_error(env, msg, msg, &e) == napi_ok)));
  CHECK(napi_set_element(env, out, 5, num(env, napi_create_error(env, NULL, code, &e))));
  napi_value n = num(env, 1);
  CHECK(napi_set_element(env, out, 6, num(env, napi_create_error(env, n, msg, &e))));
  return out;
}

/* Calls fn; returns [status, was pending, the exception (cleared), still pending]. */
static napi_value call_and_catch(napi_env env, napi_callback_info info) {
  napi_value argv[1], undefined, result, exc, out;
  bool pending, after;
  args(env, info, 1, argv);
  CHECK(napi_get_undefined(env, &undefined));
  napi_status s = napi_call_function(env, undefined, argv[0], 0, NULL, &result);
  CHECK(napi_is_exception_pending(env, &pending));
  CHECK(napi_get_and_clear_last_exception(env, &exc));
  CHECK(napi_is_exception_pending(env, &after));
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, num(env, s)));
  CHECK(napi_set_element(env, out, 1, boolean(env, pending)));
  CHECK(napi_set_element(env, out, 2, exc));
  CHECK(napi_set_element(env, out, 3, boolean(env, after)));
  return out;
}

/* An exception JS threw into C and C left pending reaches the JS caller. */
static napi_value call_and_leave(napi_env env, napi_callback_info info) {
  napi_value argv[1], undefined, result;
  args(env, info, 1, argv);
  napi_get_undefined(env, &undefined);
  napi_status first = napi_call_function(env, undefined, argv[0], 0, NULL, &result);
  napi_status second = napi_call_function(env, undefined, argv[0], 0, NULL, &result);
  napi_value s1 = num(env, first);  /* still made: not a JS-running call */
  (void)s1;
  if (second != napi_pending_exception) napi_throw_error(env, NULL, "second call ran");
  return NULL;
}

static napi_value fatal_exception(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  CHECK(napi_fatal_exception(env, argv[0]));
  return NULL;
}

void add_errors(napi_env env, napi_value exports) {
  export_fn(env, exports, "throwIt", throw_it);
  export_fn(env, exports, "createErrors", create_errors);
  export_fn(env, exports, "callAndCatch", call_and_catch);
  export_fn(env, exports, "callAndLeave", call_and_leave);
  export_fn(env, exports, "fatalException", fatal_exception);
}
