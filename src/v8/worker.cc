// The V8 calls worker_threads needs (src/v8/worker.rs declares them): heap limits
// and termination for a worker's isolate, objects V8's serializer treats as host
// objects (a MessagePort), and ArrayBuffer / SharedArrayBuffer memory moved or
// shared between isolates as a shared_ptr<BackingStore>.
#include <v8.h>

#include "handles.h"

#include <atomic>
#include <memory>

using namespace v8;

typedef std::shared_ptr<BackingStore> SharedBackingStore;

extern "C" {


// Near the heap limit of a worker with resourceLimits: note it, stop its JS, and
// give the heap room to unwind instead of letting V8 abort the process.
static size_t near_heap_limit(void* data, size_t current, size_t initial) {
  auto* flag = static_cast<std::atomic<bool>*>(data);
  flag->store(true);
  Isolate::GetCurrent()->TerminateExecution();
  return current + current / 2 + (16u << 20);
}
void v8__Isolate__TerminateNearHeapLimit(Isolate* isolate, std::atomic<bool>* flag) {
  isolate->AddNearHeapLimitCallback(near_heap_limit, flag);
}

// An object with one embedder field: V8's serializer hands such objects to the
// delegate's WriteHostObject instead of copying their properties.
// The template is made once per isolate (a thread has one isolate at a time):
// FileHandles and KeyObjects are host objects too, made often.
const Object* v8__Object__NewHost(Isolate* isolate) {
  thread_local Isolate* owner = nullptr;
  thread_local Eternal<ObjectTemplate> cached;
  if (owner != isolate) {
    Local<ObjectTemplate> made = ObjectTemplate::New(isolate);
    made->SetInternalFieldCount(1);
    cached.Set(isolate, made);
    owner = isolate;
  }
  Local<ObjectTemplate> tmpl = cached.Get(isolate);
  Local<Object> obj;
  if (!tmpl->NewInstance(isolate->GetCurrentContext()).ToLocal(&obj)) return nullptr;
  obj->SetAlignedPointerInInternalField(0, nullptr);
  return local_to_ptr(obj);
}

const ArrayBuffer* v8__ArrayBuffer__NewWithStore(Isolate* isolate, const SharedBackingStore* bs) {
  return local_to_ptr(ArrayBuffer::New(isolate, *bs));
}
SharedBackingStore* v8__SharedArrayBuffer__GetBackingStore(const Value* sab) {
  return new SharedBackingStore(ptr_to_local(sab).As<SharedArrayBuffer>()->GetBackingStore());
}
const Value* v8__SharedArrayBuffer__NewWithStore(Isolate* isolate, const SharedBackingStore* bs) {
  return local_to_ptr(SharedArrayBuffer::New(isolate, *bs).As<Value>());
}

// Another owner of the same memory (a SharedArrayBuffer broadcast to many threads).
SharedBackingStore* v8__BackingStore__Clone(const SharedBackingStore* bs) { return new SharedBackingStore(*bs); }

}  // extern "C"
