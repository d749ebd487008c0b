/* Lifetimes: references (counted and weak), handle scopes (escapable too),
 * wrap/unwrap/remove_wrap, type tags, finalizers and external values. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"

static int finalized = 0;
static void count_finalize(napi_env env, void* data, void* hint) { finalized++; }

static napi_value ref_counts(napi_env env, napi_callback_info info) {
  napi_value obj, back, out;
  napi_ref ref;
  uint32_t a, b, c;
  bool same;
  CHECK(napi_create_object(env, &obj));
  CHECK(napi_create_reference(env, obj, 1, &ref));
  CHECK(napi_reference_ref(env, ref, &a));
  CHECK(napi_reference_unref(env, ref, &b));
  CHECK(napi_reference_unref(env, ref, &c));
  napi_status under = napi_reference_unref(env, ref, &c);
  CHECK(napi_get_reference_value(env, ref, &back));
  CHECK(napi_strict_equals(env, obj, back, &same));
  CHECK(napi_delete_reference(env, ref));
  napi_value n;
  napi_status prim = napi_create_reference(env, num(env, 1), 1, &ref);
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, num(env, a)));
  CHECK(napi_set_element(env, out, 1, num(env, b)));
  CHECK(napi_set_element(env, out, 2, num(env, c)));
  CHECK(napi_set_element(env, out, 3, num(env, under)));
  CHECK(napi_set_element(env, out, 4, boolean(env, same)));
  CHECK(napi_set_element(env, out, 5, num(env, prim)));
  (void)n;
  return out;
}

static napi_ref weak = NULL;

static napi_value weak_ref(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  if (weak != NULL) napi_delete_reference(env, weak);
  CHECK(napi_create_reference(env, argv[0], 0, &weak));
  return NULL;
}

static napi_value weak_value(napi_env env, napi_callback_info info) {
  napi_value v;
  CHECK(napi_get_reference_value(env, weak, &v));
  return v != NULL ? v : str(env, "(collected)");
}

static napi_value scopes(napi_env env, napi_callback_info info) {
  napi_escapable_handle_scope esc;
  napi_handle_scope scope;
  napi_value kept = NULL, again, obj;
  for (int i = 0; i < 10000; i++) {
    CHECK(napi_open_handle_scope(env, &scope));
    CHECK(napi_create_object(env, &obj));
    CHECK(napi_close_handle_scope(env, scope));
  }
  CHECK(napi_open_escapable_handle_scope(env, &esc));
  CHECK(napi_create_string_utf8(env, "escaped", NAPI_AUTO_LENGTH, &obj));
  CHECK(napi_escape_handle(env, esc, obj, &kept));
  napi_status twice = napi_escape_handle(env, esc, obj, &again);
  CHECK(napi_close_escapable_handle_scope(env, esc));
  napi_status extra = napi_close_handle_scope(env, (napi_handle_scope)esc);
  napi_value out;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, kept));
  CHECK(napi_set_element(env, out, 1, num(env, twice)));
  CHECK(napi_set_element(env, out, 2, num(env, extra)));
  return out;
}

static napi_value wrap(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  args(env, info, 2, argv);
  double* n = malloc(sizeof(double));
  CHECK(napi_get_value_double(env, argv[1], n));
  napi_status s = napi_wrap(env, argv[0], n, count_finalize, NULL, NULL);
  if (s != napi_ok) free(n);
  return num(env, s);
}

static napi_value unwrap(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double* n;
  args(env, info, 1, argv);
  napi_status s = napi_unwrap(env, argv[0], (void**)&n);
  return s == napi_ok ? num(env, *n) : str(env, "(not wrapped)");
}

static napi_value remove_wrap(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double* n;
  args(env, info, 1, argv);
  CHECK(napi_remove_wrap(env, argv[0], (void**)&n));
  double v = *n;
  free(n);
  return num(env, v);
}

static const napi_type_tag tags[2] = {{0x1234567890abcdefULL, 0xfedcba0987654321ULL},
                                      {0x1ULL, 0x2ULL}};

static napi_value tag(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  uint32_t which;
  args(env, info, 2, argv);
  CHECK(napi_get_value_uint32(env, argv[1], &which));
  return num(env, napi_type_tag_object(env, argv[0], &tags[which]));
}

static napi_value check_tag(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  uint32_t which;
  bool b;
  args(env, info, 2, argv);
  CHECK(napi_get_value_uint32(env, argv[1], &which));
  CHECK(napi_check_object_type_tag(env, argv[0], &tags[which], &b));
  return boolean(env, b);
}

static napi_value add_finalizer(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  CHECK(napi_add_finalizer(env, argv[0], NULL, count_finalize, NULL, NULL));
  return NULL;
}

static napi_value finalize_count(napi_env env, napi_callback_info info) {
  return num(env, finalized);
}

static napi_value make_external(napi_env env, napi_callback_info info) {
  static int payload = 7;
  napi_value v;
  CHECK(napi_create_external(env, &payload, count_finalize, NULL, &v));
  return v;
}

static napi_value external_value(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int* p;
  args(env, info, 1, argv);
  CHECK(napi_get_value_external(env, argv[0], (void**)&p));
  return num(env, *p);
}

void add_lifetimes(napi_env env, napi_value exports) {
  export_fn(env, exports, "refCounts", ref_counts);
  export_fn(env, exports, "weakRef", weak_ref);
  export_fn(env, exports, "weakValue", weak_value);
  export_fn(env, exports, "scopes", scopes);
  export_fn(env, exports, "wrap", wrap);
  export_fn(env, exports, "unwrap", unwrap);
  export_fn(env, exports, "removeWrap", remove_wrap);
  export_fn(env, exports, "tag", tag);
  export_fn(env, exports, "checkTag", check_tag);
  export_fn(env, exports, "addFinalizer", add_finalizer);
  export_fn(env, exports, "finalizeCount", finalize_count);
  export_fn(env, exports, "makeExternal", make_external);
  export_fn(env, exports, "externalValue", external_value);
}
