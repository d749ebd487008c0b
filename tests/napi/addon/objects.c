/* Objects, properties, classes and functions: get/set/has/delete by key, name and
 * index, key listings, napi_define_properties, napi_define_class (instance and
 * static members, wrapped native state), calling and constructing from C. */
#include <stdlib.h>

#include "common.h"

static napi_value props(napi_env env, napi_callback_info info) {
  napi_value argv[1], obj, v, key, names, out;
  bool b;
  args(env, info, 1, argv);
  obj = argv[0];
  CHECK(napi_create_object(env, &out));
  CHECK(napi_set_named_property(env, obj, "a", num(env, 1)));
  CHECK(napi_create_string_utf8(env, "b", NAPI_AUTO_LENGTH, &key));
  CHECK(napi_set_property(env, obj, key, str(env, "two")));
  CHECK(napi_set_element(env, obj, 0, boolean(env, 1)));
  CHECK(napi_has_named_property(env, obj, "a", &b));
  CHECK(napi_set_named_property(env, out, "hasA", boolean(env, b)));
  CHECK(napi_has_own_property(env, obj, key, &b));
  CHECK(napi_set_named_property(env, out, "ownB", boolean(env, b)));
  CHECK(napi_has_property(env, obj, str(env, "toString"), &b));
  CHECK(napi_set_named_property(env, out, "hasToString", boolean(env, b)));
  CHECK(napi_has_own_property(env, obj, str(env, "toString"), &b));
  CHECK(napi_set_named_property(env, out, "ownToString", boolean(env, b)));
  CHECK(napi_has_element(env, obj, 0, &b));
  CHECK(napi_set_named_property(env, out, "has0", boolean(env, b)));
  CHECK(napi_get_property(env, obj, key, &v));
  CHECK(napi_set_named_property(env, out, "b", v));
  CHECK(napi_get_element(env, obj, 0, &v));
  CHECK(napi_set_named_property(env, out, "el0", v));
  CHECK(napi_get_property_names(env, obj, &names));
  CHECK(napi_set_named_property(env, out, "names", names));
  CHECK(napi_get_all_property_names(env, obj, napi_key_own_only, napi_key_all_properties,
                                    napi_key_keep_numbers, &names));
  CHECK(napi_set_named_property(env, out, "allOwn", names));
  CHECK(napi_get_all_property_names(env, obj, napi_key_own_only, napi_key_skip_strings,
                                    napi_key_numbers_to_strings, &names));
  CHECK(napi_set_named_property(env, out, "symbolsOnly", names));
  CHECK(napi_delete_property(env, obj, key, &b));
  CHECK(napi_set_named_property(env, out, "deletedB", boolean(env, b)));
  CHECK(napi_delete_element(env, obj, 0, &b));
  CHECK(napi_set_named_property(env, out, "deleted0", boolean(env, b)));
  CHECK(napi_get_prototype(env, obj, &v));
  CHECK(napi_set_named_property(env, out, "proto", v));
  return out;
}

static double stored = 0;

static napi_value twice(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double d;
  args(env, info, 1, argv);
  CHECK(napi_get_value_double(env, argv[0], &d));
  return num(env, d * 2);
}
static napi_value get_x(napi_env env, napi_callback_info info) { return num(env, stored); }
static napi_value set_x(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  CHECK(napi_get_value_double(env, argv[0], &stored));
  return NULL;
}

static napi_value define_props(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  napi_property_descriptor d[] = {
      {"visible", NULL, NULL, NULL, NULL, NULL, napi_enumerable | napi_writable, NULL},
      {"fixed", NULL, NULL, NULL, NULL, NULL, napi_default, NULL},
      {"twice", NULL, twice, NULL, NULL, NULL, napi_default_method, NULL},
      {"x", NULL, NULL, get_x, set_x, NULL, napi_enumerable, NULL},
  };
  d[0].value = str(env, "yes");
  d[1].value = num(env, 42);
  CHECK(napi_define_properties(env, argv[0], 4, d));
  return argv[0];
}

typedef struct {
  double x, y;
} Point;

static void point_free(napi_env env, void* data, void* hint) { free(data); }

static napi_value point_new(napi_env env, napi_callback_info info) {
  napi_value argv[2], self, target;
  size_t argc = 2;
  CHECK(napi_get_cb_info(env, info, &argc, argv, &self, NULL));
  CHECK(napi_get_new_target(env, info, &target));
  if (target == NULL) {
    napi_throw_type_error(env, "ERR_NOT_CONSTRUCT", "Point must be called with new");
    return NULL;
  }
  Point* p = malloc(sizeof(Point));
  CHECK(napi_get_value_double(env, argv[0], &p->x));
  CHECK(napi_get_value_double(env, argv[1], &p->y));
  CHECK(napi_wrap(env, self, p, point_free, NULL, NULL));
  return self;
}

static Point* this_point(napi_env env, napi_callback_info info, napi_value* argv, size_t n) {
  napi_value self;
  size_t argc = n;
  Point* p = NULL;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  if (napi_unwrap(env, self, (void**)&p) != napi_ok) {
    napi_throw_type_error(env, NULL, "not a Point");
    return NULL;
  }
  return p;
}

static napi_value point_sum(napi_env env, napi_callback_info info) {
  Point* p = this_point(env, info, NULL, 0);
  return p ? num(env, p->x + p->y) : NULL;
}
static napi_value point_get_x(napi_env env, napi_callback_info info) {
  Point* p = this_point(env, info, NULL, 0);
  return p ? num(env, p->x) : NULL;
}
static napi_value point_set_x(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Point* p = this_point(env, info, argv, 1);
  if (p) CHECK(napi_get_value_double(env, argv[0], &p->x));
  return NULL;
}
static napi_value point_origin(napi_env env, napi_callback_info info) {
  napi_value self, argv[2] = {num(env, 0), num(env, 0)}, out;
  size_t argc = 0;
  CHECK(napi_get_cb_info(env, info, &argc, NULL, &self, NULL));
  CHECK(napi_new_instance(env, self, 2, argv, &out));
  return out;
}

static napi_value define_class(napi_env env, napi_callback_info info) {
  napi_value cls;
  napi_property_descriptor d[] = {
      {"sum", NULL, point_sum, NULL, NULL, NULL, napi_default_method, NULL},
      {"x", NULL, NULL, point_get_x, point_set_x, NULL, napi_default_jsproperty, NULL},
      {"origin", NULL, point_origin, NULL, NULL, NULL, napi_static | napi_default_method, NULL},
      {"dims", NULL, NULL, NULL, NULL, NULL, napi_static | napi_enumerable, NULL},
  };
  d[3].value = num(env, 2);
  CHECK(napi_define_class(env, "Point", NAPI_AUTO_LENGTH, point_new, NULL, 4, d, &cls));
  return cls;
}

static napi_value integrity(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  bool freeze;
  args(env, info, 2, argv);
  CHECK(napi_get_value_bool(env, argv[1], &freeze));
  if (freeze) CHECK(napi_object_freeze(env, argv[0]));
  else CHECK(napi_object_seal(env, argv[0]));
  return argv[0];
}

static napi_value instance_of(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  bool b;
  args(env, info, 2, argv);
  CHECK(napi_instanceof(env, argv[0], argv[1], &b));
  return boolean(env, b);
}

/* fn.call(recv, ...rest) from C. */
static napi_value call_with(napi_env env, napi_callback_info info) {
  napi_value argv[5], result;
  size_t argc = 5;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  CHECK(napi_call_function(env, argv[1], argv[0], argc > 2 ? argc - 2 : 0, argv + 2, &result));
  return result;
}

static napi_value construct(napi_env env, napi_callback_info info) {
  napi_value argv[2], result;
  args(env, info, 2, argv);
  CHECK(napi_new_instance(env, argv[0], 1, argv + 1, &result));
  return result;
}

static napi_value arg_count(napi_env env, napi_callback_info info) {
  napi_value argv[3], out, self;
  size_t argc = 3;
  CHECK(napi_get_cb_info(env, info, &argc, argv, &self, NULL));
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, num(env, (double)argc)));
  for (uint32_t i = 0; i < 3; i++) CHECK(napi_set_element(env, out, i + 1, argv[i]));
  CHECK(napi_set_element(env, out, 4, self));
  return out;
}

static napi_value adder(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double* base;
  double d;
  size_t argc = 1;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, (void**)&base));
  CHECK(napi_get_value_double(env, argv[0], &d));
  return num(env, *base + d);
}

static napi_value make_adder(napi_env env, napi_callback_info info) {
  napi_value argv[1], fn;
  args(env, info, 1, argv);
  double* base = malloc(sizeof(double));
  CHECK(napi_get_value_double(env, argv[0], base));
  CHECK(napi_create_function(env, "adder", NAPI_AUTO_LENGTH, adder, base, &fn));
  CHECK(napi_add_finalizer(env, fn, base, point_free, NULL, NULL));
  return fn;
}

void add_objects(napi_env env, napi_value exports) {
  export_fn(env, exports, "props", props);
  export_fn(env, exports, "defineProps", define_props);
  export_fn(env, exports, "defineClass", define_class);
  export_fn(env, exports, "integrity", integrity);
  export_fn(env, exports, "instanceOf", instance_of);
  export_fn(env, exports, "callWith", call_with);
  export_fn(env, exports, "construct", construct);
  export_fn(env, exports, "argCount", arg_count);
  export_fn(env, exports, "makeAdder", make_adder);
}
