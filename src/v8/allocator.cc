// ArrayBuffer memory for every isolate: malloc'd, zero-filled as V8 requires of a new
// ArrayBuffer except where the thread asked for memory it will overwrite at once
// (Buffer.allocUnsafe, and buffers the runtime fills itself): zeroing memory about to
// be overwritten was an eighth of a 16 KiB socket echo's time. It also counts the
// bytes handed out on each thread, which src/runtime/young_gen.rs weighs against
// the young generation (V8 10.2 lets 32 MiB of young ArrayBuffers pile up before it
// scavenges for them).
#include "allocator.h"

#include <cstdint>
#include <cstdlib>

using namespace v8;

namespace {

thread_local bool t_skip_zero_fill = false;
// A JS-visible Uint32Array's element: 0 while lib/buffer.js makes an unsafe buffer.
thread_local const uint32_t* t_zero_fill_field = nullptr;
// Bytes handed out on this thread, ever.
thread_local size_t t_allocated = 0;

class CoilAllocator final : public ArrayBuffer::Allocator {
 public:
  void* Allocate(size_t len) override {
    if (t_skip_zero_fill || (t_zero_fill_field != nullptr && *t_zero_fill_field == 0)) {
      return AllocateUninitialized(len);
    }
    t_allocated += len;
    return calloc(len == 0 ? 1 : len, 1);
  }
  void* AllocateUninitialized(size_t len) override {
    t_allocated += len;
    return malloc(len == 0 ? 1 : len);
  }
  void Free(void* data, size_t) override { free(data); }
};

ArrayBuffer::Allocator* g_allocator = nullptr;

}  // namespace

ArrayBuffer::Allocator* coil_array_buffer_allocator() {
  if (g_allocator == nullptr) g_allocator = new CoilAllocator();
  return g_allocator;
}

void coil_skip_zero_fill(bool skip) { t_skip_zero_fill = skip; }

extern "C" {

// `field` stays valid for the thread's life (the caller keeps its backing store).
void v8__Allocator__SetZeroFillField(const uint32_t* field) { t_zero_fill_field = field; }

// The bytes this thread's ArrayBuffers were given, ever, with what the runtime
// handed over itself (Count).
size_t v8__Allocator__AllocatedBytes() { return t_allocated; }
void v8__Allocator__Count(size_t n) { t_allocated += n; }

}  // extern "C"
