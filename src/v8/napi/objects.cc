// Node-API objects and properties: get/set/has/delete by key, name and index,
// key listings, napi_define_properties and napi_define_class, prototypes,
// instanceof, freezing and sealing.
#include "env.h"

using namespace v8;

MaybeLocal<Name> napi_descriptor_name(napi_env env, const napi_property_descriptor* p) {
  if (p->utf8name != nullptr) {
    Local<String> s;
    if (!String::NewFromUtf8(env->isolate, p->utf8name, NewStringType::kInternalized)
             .ToLocal(&s)) {
      return {};
    }
    return s;
  }
  if (p->name == nullptr) return {};
  Local<Value> n = to_v8(p->name);
  if (!n->IsName()) return {};
  return n.As<Name>();
}

static napi_status define_on(napi_env env, Local<Object> obj, size_t count,
                             const napi_property_descriptor* props, bool want_static,
                             bool all) {
  Local<Context> ctx = env->ctx();
  for (size_t i = 0; i < count; i++) {
    const napi_property_descriptor* p = &props[i];
    if (!all && ((p->attributes & napi_static) != 0) != want_static) continue;
    Local<Name> name;
    if (!napi_descriptor_name(env, p).ToLocal(&name)) {
      return napi_set_last(env, napi_name_expected);
    }
    bool enumerable = (p->attributes & napi_enumerable) != 0;
    bool configurable = (p->attributes & napi_configurable) != 0;
    bool writable = (p->attributes & napi_writable) != 0;
    Maybe<bool> done = Nothing<bool>();
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<Value> get = Undefined(env->isolate);
      Local<Value> set = Undefined(env->isolate);
      Local<Function> fn;
      if (p->getter != nullptr) {
        if (!napi_make_function(env, nullptr, 0, p->getter, p->data).ToLocal(&fn)) {
          return napi_set_last(env, napi_generic_failure);
        }
        get = fn;
      }
      if (p->setter != nullptr) {
        if (!napi_make_function(env, nullptr, 0, p->setter, p->data).ToLocal(&fn)) {
          return napi_set_last(env, napi_generic_failure);
        }
        set = fn;
      }
      PropertyDescriptor desc(get, set);
      desc.set_enumerable(enumerable);
      desc.set_configurable(configurable);
      done = obj->DefineProperty(ctx, name, desc);
    } else {
      Local<Value> value;
      if (p->method != nullptr) {
        Local<Function> fn;
        if (!napi_make_function(env, nullptr, 0, p->method, p->data).ToLocal(&fn)) {
          return napi_set_last(env, napi_generic_failure);
        }
        value = fn;
      } else {
        if (p->value == nullptr) return napi_set_last(env, napi_invalid_arg);
        value = to_v8(p->value);
      }
      PropertyDescriptor desc(value, writable);
      desc.set_enumerable(enumerable);
      desc.set_configurable(configurable);
      done = obj->DefineProperty(ctx, name, desc);
    }
    if (done.IsNothing()) return napi_set_last(env, napi_pending_exception);
    if (!done.FromJust()) return napi_set_last(env, napi_invalid_arg);
  }
  return napi_ok;
}

extern "C" {

napi_status NAPI_CDECL napi_define_properties(napi_env env, napi_value object,
                                              size_t property_count,
                                              const napi_property_descriptor* properties) {
  NAPI_PREAMBLE(env);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  napi_status s = define_on(env, obj, property_count, properties, false, true);
  if (s != napi_ok) return s;
  return NAPI_OK(env);
}

// Instance members go on the prototype template (methods and accessors with the
// class's signature: another receiver is an "Illegal invocation"); static ones are
// defined on the constructor once it exists.
napi_status NAPI_CDECL napi_define_class(napi_env env, const char* utf8name, size_t length,
                                         napi_callback constructor, void* data,
                                         size_t property_count,
                                         const napi_property_descriptor* properties,
                                         napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, utf8name);
  NAPI_CHECK_ARG(env, constructor);
  NAPI_CHECK_ARG(env, result);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  Isolate* isolate = env->isolate;
  Local<Context> ctx = env->ctx();
  Local<FunctionTemplate> tpl = napi_make_template(env, constructor, data, {});
  Local<String> name;
  int len = length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length);
  NAPI_RETURN_IF(env,
                 !String::NewFromUtf8(isolate, utf8name, NewStringType::kInternalized, len)
                      .ToLocal(&name),
                 napi_generic_failure);
  tpl->SetClassName(name);
  Local<Signature> sig = Signature::New(isolate, tpl);
  Local<ObjectTemplate> proto = tpl->PrototypeTemplate();
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor* p = &properties[i];
    if ((p->attributes & napi_static) != 0) continue;
    Local<Name> key;
    if (!napi_descriptor_name(env, p).ToLocal(&key)) return napi_set_last(env, napi_name_expected);
    int attrs = PropertyAttribute::None;
    if ((p->attributes & napi_enumerable) == 0) attrs |= PropertyAttribute::DontEnum;
    if ((p->attributes & napi_configurable) == 0) attrs |= PropertyAttribute::DontDelete;
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<FunctionTemplate> get, set;
      if (p->getter != nullptr) get = napi_make_template(env, p->getter, p->data, sig);
      if (p->setter != nullptr) set = napi_make_template(env, p->setter, p->data, sig);
      proto->SetAccessorProperty(key, get, set, static_cast<PropertyAttribute>(attrs));
      continue;
    }
    if ((p->attributes & napi_writable) == 0) attrs |= PropertyAttribute::ReadOnly;
    if (p->method != nullptr) {
      proto->Set(key, napi_make_template(env, p->method, p->data, sig),
                 static_cast<PropertyAttribute>(attrs));
    } else {
      NAPI_CHECK_ARG(env, p->value);
      proto->Set(key, to_v8(p->value), static_cast<PropertyAttribute>(attrs));
    }
  }
  Local<Function> cls;
  if (!tpl->GetFunction(ctx).ToLocal(&cls)) return napi_set_last(env, napi_pending_exception);
  napi_status s = define_on(env, cls, property_count, properties, true, false);
  if (s != napi_ok) return s;
  *result = to_napi(cls);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_set_property(napi_env env, napi_value object, napi_value key,
                                         napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  bool ok = obj->Set(ctx, to_v8(key), to_v8(value)).IsJust();
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_has_property(napi_env env, napi_value object, napi_value key,
                                         bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Maybe<bool> has = obj->Has(ctx, to_v8(key));
  if (has.IsJust()) *result = has.FromJust();
  return NAPI_JS_STATUS(env, has.IsJust(), napi_ok);
}

napi_status NAPI_CDECL napi_get_property(napi_env env, napi_value object, napi_value key,
                                         napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<Value> v;
  bool ok = obj->Get(ctx, to_v8(key)).ToLocal(&v);
  if (ok) *result = to_napi(v);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_delete_property(napi_env env, napi_value object, napi_value key,
                                            bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Maybe<bool> done = obj->Delete(ctx, to_v8(key));
  if (done.IsJust() && result != nullptr) *result = done.FromJust();
  return NAPI_JS_STATUS(env, done.IsJust(), napi_ok);
}

napi_status NAPI_CDECL napi_has_own_property(napi_env env, napi_value object, napi_value key,
                                             bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<Value> k = to_v8(key);
  NAPI_RETURN_IF(env, !k->IsName(), napi_name_expected);
  Maybe<bool> has = obj->HasOwnProperty(ctx, k.As<Name>());
  if (has.IsJust()) *result = has.FromJust();
  return NAPI_JS_STATUS(env, has.IsJust(), napi_ok);
}

static napi_status named_key(napi_env env, const char* name, Local<String>* out) {
  NAPI_CHECK_ARG(env, name);
  if (!String::NewFromUtf8(env->isolate, name, NewStringType::kInternalized).ToLocal(out)) {
    return napi_set_last(env, napi_generic_failure);
  }
  return napi_ok;
}

napi_status NAPI_CDECL napi_set_named_property(napi_env env, napi_value object, const char* name,
                                               napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<String> key;
  napi_status s = named_key(env, name, &key);
  if (s != napi_ok) return s;
  bool ok = obj->Set(ctx, key, to_v8(value)).IsJust();
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_has_named_property(napi_env env, napi_value object, const char* name,
                                               bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<String> key;
  napi_status s = named_key(env, name, &key);
  if (s != napi_ok) return s;
  Maybe<bool> has = obj->Has(ctx, key);
  if (has.IsJust()) *result = has.FromJust();
  return NAPI_JS_STATUS(env, has.IsJust(), napi_ok);
}

napi_status NAPI_CDECL napi_get_named_property(napi_env env, napi_value object, const char* name,
                                               napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<String> key;
  napi_status s = named_key(env, name, &key);
  if (s != napi_ok) return s;
  Local<Value> v;
  bool ok = obj->Get(ctx, key).ToLocal(&v);
  if (ok) *result = to_napi(v);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_set_element(napi_env env, napi_value object, uint32_t index,
                                        napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  bool ok = obj->Set(ctx, index, to_v8(value)).IsJust();
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_has_element(napi_env env, napi_value object, uint32_t index,
                                        bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Maybe<bool> has = obj->Has(ctx, index);
  if (has.IsJust()) *result = has.FromJust();
  return NAPI_JS_STATUS(env, has.IsJust(), napi_ok);
}

napi_status NAPI_CDECL napi_get_element(napi_env env, napi_value object, uint32_t index,
                                        napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Local<Value> v;
  bool ok = obj->Get(ctx, index).ToLocal(&v);
  if (ok) *result = to_napi(v);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_delete_element(napi_env env, napi_value object, uint32_t index,
                                           bool* result) {
  NAPI_PREAMBLE(env);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  Maybe<bool> done = obj->Delete(ctx, index);
  if (done.IsJust() && result != nullptr) *result = done.FromJust();
  return NAPI_JS_STATUS(env, done.IsJust(), napi_ok);
}

napi_status NAPI_CDECL napi_get_all_property_names(napi_env env, napi_value object,
                                                   napi_key_collection_mode key_mode,
                                                   napi_key_filter key_filter,
                                                   napi_key_conversion key_conversion,
                                                   napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  KeyCollectionMode mode;
  switch (key_mode) {
    case napi_key_include_prototypes: mode = KeyCollectionMode::kIncludePrototypes; break;
    case napi_key_own_only: mode = KeyCollectionMode::kOwnOnly; break;
    default: return napi_set_last(env, napi_invalid_arg);
  }
  KeyConversionMode conversion;
  switch (key_conversion) {
    case napi_key_keep_numbers: conversion = KeyConversionMode::kKeepNumbers; break;
    case napi_key_numbers_to_strings: conversion = KeyConversionMode::kConvertToString; break;
    default: return napi_set_last(env, napi_invalid_arg);
  }
  // napi_key_filter's bits are V8's PropertyFilter's.
  auto filter = static_cast<PropertyFilter>(static_cast<int>(key_filter));
  Local<Array> names;
  bool ok = obj->GetPropertyNames(ctx, mode, filter, IndexFilter::kIncludeIndices, conversion)
                .ToLocal(&names);
  if (ok) *result = to_napi(names);
  return NAPI_JS_STATUS(env, ok, napi_ok);
}

napi_status NAPI_CDECL napi_get_property_names(napi_env env, napi_value object,
                                               napi_value* result) {
  return napi_get_all_property_names(
      env, object, napi_key_include_prototypes,
      static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
      napi_key_numbers_to_strings, result);
}

napi_status NAPI_CDECL napi_get_prototype(napi_env env, napi_value object, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  *result = to_napi(obj->GetPrototype());
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_instanceof(napi_env env, napi_value object, napi_value constructor,
                                       bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, object);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, constructor);
  Local<Context> ctx = env->ctx();
  Local<Value> c = to_v8(constructor);
  if (!c->IsFunction()) {
    env->isolate->ThrowException(Exception::TypeError(
        String::NewFromUtf8Literal(env->isolate, "Constructor must be a function")));
    return napi_set_last(env, napi_function_expected);
  }
  Maybe<bool> is = to_v8(object)->InstanceOf(ctx, c.As<Object>());
  if (is.IsJust()) *result = is.FromJust();
  return NAPI_JS_STATUS(env, is.IsJust(), napi_ok);
}

static napi_status integrity(napi_env env, napi_value object, IntegrityLevel level) {
  NAPI_PREAMBLE(env);
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, obj, object);
  bool ok = obj->SetIntegrityLevel(ctx, level).IsJust();
  return NAPI_JS_STATUS(env, ok, napi_ok);
}
napi_status NAPI_CDECL napi_object_freeze(napi_env env, napi_value object) {
  return integrity(env, object, IntegrityLevel::kFrozen);
}
napi_status NAPI_CDECL napi_object_seal(napi_env env, napi_value object) {
  return integrity(env, object, IntegrityLevel::kSealed);
}

}  // extern "C"
