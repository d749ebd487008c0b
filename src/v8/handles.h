// How a V8 handle crosses the C boundary, shared by every shim file (binding.cc,
// context.cc, async_context.cc): a Local<T> travels as the T* it wraps, an empty
// MaybeLocal as null, a Maybe<bool> as -1 (nothing), 0 or 1.
#pragma once

#include <v8.h>

#include <cstring>

template <class T>
static inline T* local_to_ptr(v8::Local<T> local) {
  return *local;
}
template <class T>
static inline v8::Local<T> ptr_to_local(const T* ptr) {
  static_assert(sizeof(v8::Local<T>) == sizeof(T*), "");
  v8::Local<T> local;
  std::memcpy(static_cast<void*>(&local), &ptr, sizeof(ptr));
  return local;
}
template <class T>
static inline T* maybe_to_ptr(v8::MaybeLocal<T> maybe) {
  v8::Local<T> local;
  return maybe.ToLocal(&local) ? *local : nullptr;
}
static inline int maybe_bool(v8::Maybe<bool> m) {
  return m.IsNothing() ? -1 : m.FromJust() ? 1 : 0;
}
