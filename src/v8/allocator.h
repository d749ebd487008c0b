// The ArrayBuffer allocator every isolate uses (src/v8/allocator.cc), as binding.cc
// sees it.
#pragma once

#include <v8.h>

// The one allocator, made at the first call (the main thread's isolate, before any
// worker exists).
v8::ArrayBuffer::Allocator* coil_array_buffer_allocator();
// While set, this thread's next allocations are left as malloc gives them.
void coil_skip_zero_fill(bool skip);
