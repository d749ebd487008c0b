// Node-API binary data: ArrayBuffers (with external memory and its finalizer),
// TypedArrays, DataViews and Buffers (Uint8Arrays with Buffer.prototype).
#include "env.h"

#include <cstring>

using namespace v8;

static void no_delete(void*, size_t, void*) {}

static Local<ArrayBuffer> external_arraybuffer(napi_env env, void* data, size_t length,
                                               napi_finalize cb, void* hint) {
  std::shared_ptr<BackingStore> store =
      ArrayBuffer::NewBackingStore(data, length, no_delete, nullptr);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, std::move(store));
  // The finalizer runs on the loop thread once the buffer is collected, not in
  // the store's deleter (which may run on a GC thread).
  if (cb != nullptr) napi_ref_new(env, ab, 0, cb, data, hint, true);
  return ab;
}

static Local<Uint8Array> as_buffer(napi_env env, Local<ArrayBuffer> ab, size_t offset,
                                   size_t length) {
  Local<Uint8Array> u8 = Uint8Array::New(ab, offset, length);
  u8->SetPrototype(env->ctx(), env->buffer_prototype.Get(env->isolate)).Check();
  return u8;
}

static void* data_of(Local<ArrayBuffer> ab) { return ab->GetBackingStore()->Data(); }

extern "C" {

napi_status NAPI_CDECL napi_create_arraybuffer(napi_env env, size_t byte_length, void** data,
                                               napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, byte_length);
  if (data != nullptr) *data = data_of(ab);
  *result = to_napi(ab);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_external_arraybuffer(napi_env env, void* external_data,
                                                        size_t byte_length,
                                                        napi_finalize finalize_cb,
                                                        void* finalize_hint,
                                                        napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  *result = to_napi(
      external_arraybuffer(env, external_data, byte_length, finalize_cb, finalize_hint));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_arraybuffer_info(napi_env env, napi_value arraybuffer,
                                                 void** data, size_t* byte_length) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  Local<Value> v = to_v8(arraybuffer);
  NAPI_RETURN_IF(env, !v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  if (data != nullptr) *data = data_of(ab);
  if (byte_length != nullptr) *byte_length = ab->ByteLength();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_arraybuffer(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsArrayBuffer();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_detach_arraybuffer(napi_env env, napi_value arraybuffer) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  Local<Value> v = to_v8(arraybuffer);
  NAPI_RETURN_IF(env, !v->IsArrayBuffer(), napi_arraybuffer_expected);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  NAPI_RETURN_IF(env, !ab->IsDetachable(), napi_detachable_arraybuffer_expected);
  ab->Detach();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_detached_arraybuffer(napi_env env, napi_value value,
                                                    bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(value);
  *result = v->IsArrayBuffer() && v.As<ArrayBuffer>()->ByteLength() == 0 &&
            data_of(v.As<ArrayBuffer>()) == nullptr;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_typedarray(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsTypedArray();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_typedarray(napi_env env, napi_typedarray_type type,
                                              size_t length, napi_value arraybuffer,
                                              size_t byte_offset, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(arraybuffer);
  NAPI_RETURN_IF(env, !v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  size_t size;
  const char* name;
  switch (type) {
    case napi_int8_array: size = 1; name = "Int8Array"; break;
    case napi_uint8_array: size = 1; name = "Uint8Array"; break;
    case napi_uint8_clamped_array: size = 1; name = "Uint8ClampedArray"; break;
    case napi_int16_array: size = 2; name = "Int16Array"; break;
    case napi_uint16_array: size = 2; name = "Uint16Array"; break;
    case napi_int32_array: size = 4; name = "Int32Array"; break;
    case napi_uint32_array: size = 4; name = "Uint32Array"; break;
    case napi_float32_array: size = 4; name = "Float32Array"; break;
    case napi_float64_array: size = 8; name = "Float64Array"; break;
    case napi_bigint64_array: size = 8; name = "BigInt64Array"; break;
    case napi_biguint64_array: size = 8; name = "BigUint64Array"; break;
    default: return napi_set_last(env, napi_invalid_arg);
  }
  if (byte_offset % size != 0) {
    std::string msg = std::string("start offset of ") + name + " should be a multiple of " +
                      std::to_string(size);
    napi_throw_coded(env, true, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT", msg.c_str());
    return napi_set_last(env, napi_pending_exception);
  }
  if (length * size + byte_offset > ab->ByteLength()) {
    napi_throw_coded(env, true, "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH",
                     "Invalid typed array length");
    return napi_set_last(env, napi_pending_exception);
  }
  Local<TypedArray> ta;
  switch (type) {
    case napi_int8_array: ta = Int8Array::New(ab, byte_offset, length); break;
    case napi_uint8_array: ta = Uint8Array::New(ab, byte_offset, length); break;
    case napi_uint8_clamped_array: ta = Uint8ClampedArray::New(ab, byte_offset, length); break;
    case napi_int16_array: ta = Int16Array::New(ab, byte_offset, length); break;
    case napi_uint16_array: ta = Uint16Array::New(ab, byte_offset, length); break;
    case napi_int32_array: ta = Int32Array::New(ab, byte_offset, length); break;
    case napi_uint32_array: ta = Uint32Array::New(ab, byte_offset, length); break;
    case napi_float32_array: ta = Float32Array::New(ab, byte_offset, length); break;
    case napi_float64_array: ta = Float64Array::New(ab, byte_offset, length); break;
    case napi_bigint64_array: ta = BigInt64Array::New(ab, byte_offset, length); break;
    default: ta = BigUint64Array::New(ab, byte_offset, length); break;
  }
  *result = to_napi(ta);
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_typedarray_info(napi_env env, napi_value typedarray,
                                                napi_typedarray_type* type, size_t* length,
                                                void** data, napi_value* arraybuffer,
                                                size_t* byte_offset) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, typedarray);
  Local<Value> v = to_v8(typedarray);
  NAPI_RETURN_IF(env, !v->IsTypedArray(), napi_invalid_arg);
  Local<TypedArray> ta = v.As<TypedArray>();
  if (type != nullptr) {
    if (v->IsInt8Array()) *type = napi_int8_array;
    else if (v->IsUint8Array()) *type = napi_uint8_array;
    else if (v->IsUint8ClampedArray()) *type = napi_uint8_clamped_array;
    else if (v->IsInt16Array()) *type = napi_int16_array;
    else if (v->IsUint16Array()) *type = napi_uint16_array;
    else if (v->IsInt32Array()) *type = napi_int32_array;
    else if (v->IsUint32Array()) *type = napi_uint32_array;
    else if (v->IsFloat32Array()) *type = napi_float32_array;
    else if (v->IsFloat64Array()) *type = napi_float64_array;
    else if (v->IsBigInt64Array()) *type = napi_bigint64_array;
    else *type = napi_biguint64_array;
  }
  if (length != nullptr) *length = ta->Length();
  Local<ArrayBuffer> ab = ta->Buffer();
  if (data != nullptr) {
    void* base = data_of(ab);
    *data = base == nullptr ? nullptr : static_cast<uint8_t*>(base) + ta->ByteOffset();
  }
  if (arraybuffer != nullptr) *arraybuffer = to_napi(ab);
  if (byte_offset != nullptr) *byte_offset = ta->ByteOffset();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_dataview(napi_env env, size_t byte_length,
                                            napi_value arraybuffer, size_t byte_offset,
                                            napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = to_v8(arraybuffer);
  NAPI_RETURN_IF(env, !v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  if (byte_length + byte_offset > ab->ByteLength()) {
    napi_throw_coded(env, true, "ERR_NAPI_INVALID_DATAVIEW_ARGS",
                     "byte_offset + byte_length should be less than or equal to the size in "
                     "bytes of the array passed in");
    return napi_set_last(env, napi_pending_exception);
  }
  *result = to_napi(DataView::New(ab, byte_offset, byte_length));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_is_dataview(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsDataView();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_dataview_info(napi_env env, napi_value dataview,
                                              size_t* bytelength, void** data,
                                              napi_value* arraybuffer, size_t* byte_offset) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, dataview);
  Local<Value> v = to_v8(dataview);
  NAPI_RETURN_IF(env, !v->IsDataView(), napi_invalid_arg);
  Local<DataView> dv = v.As<DataView>();
  if (bytelength != nullptr) *bytelength = dv->ByteLength();
  Local<ArrayBuffer> ab = dv->Buffer();
  if (data != nullptr) {
    void* base = data_of(ab);
    *data = base == nullptr ? nullptr : static_cast<uint8_t*>(base) + dv->ByteOffset();
  }
  if (arraybuffer != nullptr) *arraybuffer = to_napi(ab);
  if (byte_offset != nullptr) *byte_offset = dv->ByteOffset();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_buffer(napi_env env, size_t size, void** data,
                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, size);
  if (data != nullptr) *data = data_of(ab);
  *result = to_napi(as_buffer(env, ab, 0, size));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_external_buffer(napi_env env, size_t length, void* data,
                                                   napi_finalize finalize_cb,
                                                   void* finalize_hint, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = external_arraybuffer(env, data, length, finalize_cb, finalize_hint);
  *result = to_napi(as_buffer(env, ab, 0, length));
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_create_buffer_copy(napi_env env, size_t length, const void* data,
                                               void** result_data, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  if (length > 0) NAPI_CHECK_ARG(env, data);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, length);
  void* dst = data_of(ab);
  if (length > 0) memcpy(dst, data, length);
  if (result_data != nullptr) *result_data = dst;
  *result = to_napi(as_buffer(env, ab, 0, length));
  return NAPI_OK(env);
}

// As node: any ArrayBufferView counts as a buffer.
napi_status NAPI_CDECL napi_is_buffer(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = to_v8(value)->IsArrayBufferView();
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_buffer_info(napi_env env, napi_value value, void** data,
                                            size_t* length) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v = to_v8(value);
  NAPI_RETURN_IF(env, !v->IsArrayBufferView(), napi_invalid_arg);
  Local<ArrayBufferView> view = v.As<ArrayBufferView>();
  if (data != nullptr) {
    void* base = data_of(view->Buffer());
    *data = base == nullptr ? nullptr : static_cast<uint8_t*>(base) + view->ByteOffset();
  }
  if (length != nullptr) *length = view->ByteLength();
  return NAPI_OK(env);
}

}  // extern "C"
