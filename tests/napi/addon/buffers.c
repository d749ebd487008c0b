/* Binary data: ArrayBuffers (external ones with a finalizer), TypedArrays (and
 * their RangeErrors), DataViews, Buffers (made, copied, external) and detaching. */
#include <string.h>

#include "common.h"

static int buffers_finalized = 0;
static void count_free(napi_env env, void* data, void* hint) { buffers_finalized++; }

static napi_value array_buffers(napi_env env, napi_callback_info info) {
  static char outside[4] = {9, 8, 7, 6};
  napi_value out, ab;
  void* data;
  size_t len;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_create_arraybuffer(env, 8, &data, &ab));
  memset(data, 3, 8);
  CHECK(napi_set_element(env, out, 0, ab));
  CHECK(napi_create_external_arraybuffer(env, outside, 4, count_free, NULL, &ab));
  CHECK(napi_get_arraybuffer_info(env, ab, &data, &len));
  CHECK(napi_set_element(env, out, 1, ab));
  CHECK(napi_set_element(env, out, 2, boolean(env, data == outside && len == 4)));
  return out;
}

static napi_value typed_array(napi_env env, napi_callback_info info) {
  napi_value argv[4], ta;
  uint32_t type, offset, length;
  args(env, info, 4, argv);
  CHECK(napi_get_value_uint32(env, argv[1], &type));
  CHECK(napi_get_value_uint32(env, argv[2], &offset));
  CHECK(napi_get_value_uint32(env, argv[3], &length));
  CHECK(napi_create_typedarray(env, (napi_typedarray_type)type, length, argv[0], offset, &ta));
  return ta;
}

static napi_value typed_info(napi_env env, napi_callback_info info) {
  napi_value argv[1], out, ab;
  napi_typedarray_type type;
  size_t length, offset;
  void* data;
  args(env, info, 1, argv);
  CHECK(napi_get_typedarray_info(env, argv[0], &type, &length, &data, &ab, &offset));
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, num(env, type)));
  CHECK(napi_set_element(env, out, 1, num(env, (double)length)));
  CHECK(napi_set_element(env, out, 2, num(env, (double)offset)));
  CHECK(napi_set_element(env, out, 3, num(env, length ? ((unsigned char*)data)[0] : -1)));
  CHECK(napi_set_element(env, out, 4, ab));
  return out;
}

static napi_value data_view(napi_env env, napi_callback_info info) {
  napi_value argv[3], dv, ab, out;
  uint32_t offset, length;
  size_t len, off;
  void* data;
  args(env, info, 3, argv);
  CHECK(napi_get_value_uint32(env, argv[1], &offset));
  CHECK(napi_get_value_uint32(env, argv[2], &length));
  CHECK(napi_create_dataview(env, length, argv[0], offset, &dv));
  CHECK(napi_get_dataview_info(env, dv, &len, &data, &ab, &off));
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, dv));
  CHECK(napi_set_element(env, out, 1, num(env, (double)len)));
  CHECK(napi_set_element(env, out, 2, num(env, (double)off)));
  CHECK(napi_set_element(env, out, 3, num(env, len ? ((unsigned char*)data)[0] : -1)));
  return out;
}

static napi_value buffers(napi_env env, napi_callback_info info) {
  static char outside[] = "external";
  napi_value out, b;
  void* data;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_create_buffer(env, 4, &data, &b));
  memcpy(data, "abcd", 4);
  CHECK(napi_set_element(env, out, 0, b));
  CHECK(napi_create_buffer_copy(env, 4, "copy", &data, &b));
  CHECK(napi_set_element(env, out, 1, b));
  CHECK(napi_create_external_buffer(env, 8, outside, count_free, NULL, &b));
  CHECK(napi_set_element(env, out, 2, b));
  return out;
}

static napi_value buffer_sum(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  unsigned char* data;
  size_t len;
  double sum = 0;
  args(env, info, 1, argv);
  CHECK(napi_get_buffer_info(env, argv[0], (void**)&data, &len));
  for (size_t i = 0; i < len; i++) sum += data[i];
  return num(env, sum);
}

static napi_value detach(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  bool before, after;
  args(env, info, 1, argv);
  CHECK(napi_is_detached_arraybuffer(env, argv[0], &before));
  napi_status s = napi_detach_arraybuffer(env, argv[0]);
  CHECK(napi_is_detached_arraybuffer(env, argv[0], &after));
  napi_value out;
  CHECK(napi_create_array(env, &out));
  CHECK(napi_set_element(env, out, 0, boolean(env, before)));
  CHECK(napi_set_element(env, out, 1, num(env, s)));
  CHECK(napi_set_element(env, out, 2, boolean(env, after)));
  return out;
}

static napi_value buffers_finalized_count(napi_env env, napi_callback_info info) {
  return num(env, buffers_finalized);
}

void add_buffers(napi_env env, napi_value exports) {
  export_fn(env, exports, "arrayBuffers", array_buffers);
  export_fn(env, exports, "typedArray", typed_array);
  export_fn(env, exports, "typedInfo", typed_info);
  export_fn(env, exports, "dataView", data_view);
  export_fn(env, exports, "buffers", buffers);
  export_fn(env, exports, "bufferSum", buffer_sum);
  export_fn(env, exports, "detach", detach);
  export_fn(env, exports, "buffersFinalized", buffers_finalized_count);
}
