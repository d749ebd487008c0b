// The C side of V8's ValueSerializer / ValueDeserializer (src/v8/serializer.rs
// declares these), for Node's v8.Serializer / v8.Deserializer and the 'advanced'
// IPC channel. A serializer or deserializer lives in a Slot reached from JS through
// a v8::External (the "handle"); a weak reference to the handle deletes both when
// JS drops it, and Dispose frees the engine object early (v8.serialize does, so a
// loop of them does not wait for the GC).
//
// The delegates call back into the JS object that owns the handle (`owner`, passed
// to each WriteValue / ReadValue) the way Node's do: _writeHostObject,
// _getDataCloneError, _getSharedArrayBufferId, _readHostObject. A missing method
// falls back to V8's default, which throws V8's DataCloneError message.
#include <v8.h>

#include "handles.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace v8;

namespace {

enum class Kind : uint32_t { kSerializer = 0x53455231, kDeserializer = 0x44455331 };

// Looks a method up on the owner; empty when the lookup threw.
MaybeLocal<Value> method_of(Isolate* isolate, Local<Object> owner, const char* name) {
  Local<String> key = String::NewFromUtf8(isolate, name, NewStringType::kInternalized).ToLocalChecked();
  return owner->Get(isolate->GetCurrentContext(), key);
}

class CoilSerializer : public ValueSerializer::Delegate {
 public:
  explicit CoilSerializer(Isolate* isolate) : isolate_(isolate), serializer_(isolate, this) {}

  void ThrowDataCloneError(Local<String> message) override {
    if (!owner_.IsEmpty()) {
      Local<Value> make;
      if (!method_of(isolate_, owner_, "_getDataCloneError").ToLocal(&make)) return;  // it threw
      if (make->IsFunction()) {
        Local<Value> argv[1] = {message};
        Local<Value> error;
        if (make.As<Function>()->Call(isolate_->GetCurrentContext(), owner_, 1, argv).ToLocal(&error)) {
          isolate_->ThrowException(error);
        }
        return;  // when the call threw, that exception stands
      }
    }
    isolate_->ThrowException(Exception::Error(message));
  }

  Maybe<bool> WriteHostObject(Isolate* isolate, Local<Object> object) override {
    Local<Value> write;
    if (owner_.IsEmpty()) return ValueSerializer::Delegate::WriteHostObject(isolate, object);
    if (!method_of(isolate, owner_, "_writeHostObject").ToLocal(&write)) return Nothing<bool>();
    if (!write->IsFunction()) return ValueSerializer::Delegate::WriteHostObject(isolate, object);
    Local<Value> argv[1] = {object};
    if (write.As<Function>()->Call(isolate->GetCurrentContext(), owner_, 1, argv).IsEmpty()) {
      return Nothing<bool>();
    }
    return Just(true);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(Isolate* isolate, Local<SharedArrayBuffer> sab) override {
    Local<Value> get;
    if (owner_.IsEmpty()) return ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
    if (!method_of(isolate, owner_, "_getSharedArrayBufferId").ToLocal(&get)) return Nothing<uint32_t>();
    if (!get->IsFunction()) return ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
    Local<Context> context = isolate->GetCurrentContext();
    Local<Value> argv[1] = {sab};
    Local<Value> id;
    if (!get.As<Function>()->Call(context, owner_, 1, argv).ToLocal(&id)) return Nothing<uint32_t>();
    return id->Uint32Value(context);
  }

  // The buffer V8 grows while writing is ours: realloc here, free in FreeBufferMemory
  // or, once released, in the ArrayBuffer's deleter (release_deleter).
  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    void* p = std::realloc(old_buffer, size);
    *actual_size = p == nullptr ? 0 : size;
    return p;
  }
  void FreeBufferMemory(void* buffer) override { std::free(buffer); }

  Isolate* isolate_;
  ValueSerializer serializer_;
  Local<Object> owner_;  // set for the length of one WriteValue
  int busy_ = 0;         // nested WriteValue calls; Dispose waits for the GC while > 0
};

class CoilDeserializer : public ValueDeserializer::Delegate {
 public:
  CoilDeserializer(Isolate* isolate, const uint8_t* data, size_t len)
      : isolate_(isolate), data_(data, data + len), deserializer_(isolate, data_.data(), data_.size(), this) {}

  MaybeLocal<Object> ReadHostObject(Isolate* isolate) override {
    // V8 forbids JS while it reads a value, except where it asks the embedder.
    Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    Local<Value> read;
    if (owner_.IsEmpty()) return ValueDeserializer::Delegate::ReadHostObject(isolate);
    if (!method_of(isolate, owner_, "_readHostObject").ToLocal(&read)) return MaybeLocal<Object>();
    if (!read->IsFunction()) return ValueDeserializer::Delegate::ReadHostObject(isolate);
    Local<Value> result;
    if (!read.As<Function>()->Call(isolate->GetCurrentContext(), owner_, 0, nullptr).ToLocal(&result)) {
      return MaybeLocal<Object>();
    }
    if (!result->IsObject()) {
      isolate->ThrowException(Exception::TypeError(
          String::NewFromUtf8Literal(isolate, "readHostObject must return an object")));
      return MaybeLocal<Object>();
    }
    return result.As<Object>();
  }

  // A SharedArrayBuffer arrives by id (worker messages): the owner's
  // _getSharedArrayBuffer(id) gives the one made over the shared memory.
  MaybeLocal<SharedArrayBuffer> GetSharedArrayBufferFromId(Isolate* isolate, uint32_t id) override {
    Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    Local<Value> get;
    if (owner_.IsEmpty()) return ValueDeserializer::Delegate::GetSharedArrayBufferFromId(isolate, id);
    if (!method_of(isolate, owner_, "_getSharedArrayBuffer").ToLocal(&get)) return MaybeLocal<SharedArrayBuffer>();
    if (!get->IsFunction()) return ValueDeserializer::Delegate::GetSharedArrayBufferFromId(isolate, id);
    Local<Value> argv[1] = {Integer::NewFromUnsigned(isolate, id)};
    Local<Value> result;
    if (!get.As<Function>()->Call(isolate->GetCurrentContext(), owner_, 1, argv).ToLocal(&result)) {
      return MaybeLocal<SharedArrayBuffer>();
    }
    if (!result->IsSharedArrayBuffer()) {
      isolate->ThrowException(Exception::TypeError(
          String::NewFromUtf8Literal(isolate, "_getSharedArrayBuffer must return a SharedArrayBuffer")));
      return MaybeLocal<SharedArrayBuffer>();
    }
    return result.As<SharedArrayBuffer>();
  }

  Isolate* isolate_;
  std::vector<uint8_t> data_;  // a copy of the input: V8 reads it in place
  ValueDeserializer deserializer_;
  Local<Object> owner_;  // set for the length of one ReadHeader / ReadValue
  int busy_ = 0;
};

// What a handle points at. It lives as long as the handle (freed by the weak
// callback); the engine object inside may go first (Dispose).
struct Slot {
  explicit Slot(Kind k) : kind(k) {}
  Kind kind;
  CoilSerializer* serializer = nullptr;
  CoilDeserializer* deserializer = nullptr;
  Global<External> handle;
};

void free_engine_objects(Slot* slot) {
  delete slot->serializer;
  delete slot->deserializer;
  slot->serializer = nullptr;
  slot->deserializer = nullptr;
}

// Deleting a ValueSerializer touches the heap (its identity map), which is not
// allowed inside the GC's first pass: so that waits for the second.
void second_pass(const WeakCallbackInfo<Slot>& info) {
  Slot* slot = info.GetParameter();
  free_engine_objects(slot);
  delete slot;
}
void first_pass(const WeakCallbackInfo<Slot>& info) {
  info.GetParameter()->handle.Reset();
  info.SetSecondPassCallback(second_pass);
}

const Value* new_handle(Isolate* isolate, Slot* slot) {
  Local<External> handle = External::New(isolate, slot);
  slot->handle.Reset(isolate, handle);
  slot->handle.SetWeak(slot, first_pass, WeakCallbackType::kParameter);
  return local_to_ptr(handle);
}

Slot* slot_of(const Value* handle, Kind kind) {
  Local<Value> v = ptr_to_local(handle);
  if (!v->IsExternal()) return nullptr;
  Slot* slot = static_cast<Slot*>(v.As<External>()->Value());
  return slot != nullptr && slot->kind == kind ? slot : nullptr;
}

// An ArrayBuffer's deleter for memory the serializer allocated (realloc above).
void release_deleter(void* data, size_t, void*) { std::free(data); }

}  // namespace

extern "C" {

// ---- ValueSerializer ----------------------------------------------------------
const Value* v8__ValueSerializer__New(Isolate* isolate) {
  Slot* slot = new Slot(Kind::kSerializer);
  slot->serializer = new CoilSerializer(isolate);
  return new_handle(isolate, slot);
}

// The serializer behind a handle, or null (not a serializer's handle, or disposed).
CoilSerializer* v8__ValueSerializer__FromHandle(const Value* handle) {
  Slot* slot = slot_of(handle, Kind::kSerializer);
  return slot == nullptr ? nullptr : slot->serializer;
}

// Frees the engine object now unless a WriteValue is running (then the GC does).
void v8__ValueSerializer__Dispose(const Value* handle) {
  Slot* slot = slot_of(handle, Kind::kSerializer);
  if (slot != nullptr && slot->serializer != nullptr && slot->serializer->busy_ == 0) {
    free_engine_objects(slot);
  }
}

void v8__ValueSerializer__WriteHeader(CoilSerializer* s) { s->serializer_.WriteHeader(); }

// -1 when it threw (the exception is pending), 1 when written.
int v8__ValueSerializer__WriteValue(CoilSerializer* s, const Context* ctx, const Object* owner,
                                    const Value* value) {
  Local<Object> saved = s->owner_;
  s->owner_ = ptr_to_local(owner);
  s->busy_++;
  Maybe<bool> r = s->serializer_.WriteValue(ptr_to_local(ctx), ptr_to_local(value));
  s->busy_--;
  s->owner_ = saved;
  return maybe_bool(r);
}

// The bytes written so far as a new ArrayBuffer that owns them; the serializer
// starts over empty.
const ArrayBuffer* v8__ValueSerializer__Release(CoilSerializer* s) {
  std::pair<uint8_t*, size_t> out = s->serializer_.Release();
  if (out.first == nullptr) return local_to_ptr(ArrayBuffer::New(s->isolate_, 0));
  std::unique_ptr<BackingStore> store =
      ArrayBuffer::NewBackingStore(out.first, out.second, release_deleter, nullptr);
  return local_to_ptr(ArrayBuffer::New(s->isolate_, std::move(store)));
}

void v8__ValueSerializer__TransferArrayBuffer(CoilSerializer* s, uint32_t id, const ArrayBuffer* ab) {
  s->serializer_.TransferArrayBuffer(id, ptr_to_local(ab));
}
void v8__ValueSerializer__SetTreatArrayBufferViewsAsHostObjects(CoilSerializer* s, bool mode) {
  s->serializer_.SetTreatArrayBufferViewsAsHostObjects(mode);
}
void v8__ValueSerializer__WriteUint32(CoilSerializer* s, uint32_t v) { s->serializer_.WriteUint32(v); }
void v8__ValueSerializer__WriteUint64(CoilSerializer* s, uint64_t v) { s->serializer_.WriteUint64(v); }
void v8__ValueSerializer__WriteDouble(CoilSerializer* s, double v) { s->serializer_.WriteDouble(v); }
void v8__ValueSerializer__WriteRawBytes(CoilSerializer* s, const uint8_t* data, size_t len) {
  s->serializer_.WriteRawBytes(data, len);
}

// ---- ValueDeserializer --------------------------------------------------------
const Value* v8__ValueDeserializer__New(Isolate* isolate, const uint8_t* data, size_t len) {
  Slot* slot = new Slot(Kind::kDeserializer);
  slot->deserializer = new CoilDeserializer(isolate, data, len);
  return new_handle(isolate, slot);
}

CoilDeserializer* v8__ValueDeserializer__FromHandle(const Value* handle) {
  Slot* slot = slot_of(handle, Kind::kDeserializer);
  return slot == nullptr ? nullptr : slot->deserializer;
}

void v8__ValueDeserializer__Dispose(const Value* handle) {
  Slot* slot = slot_of(handle, Kind::kDeserializer);
  if (slot != nullptr && slot->deserializer != nullptr && slot->deserializer->busy_ == 0) {
    free_engine_objects(slot);
  }
}

// -1 threw, 1 read (V8 never says false without throwing).
int v8__ValueDeserializer__ReadHeader(CoilDeserializer* d, const Context* ctx, const Object* owner) {
  Local<Object> saved = d->owner_;
  d->owner_ = ptr_to_local(owner);
  d->busy_++;
  Maybe<bool> r = d->deserializer_.ReadHeader(ptr_to_local(ctx));
  d->busy_--;
  d->owner_ = saved;
  return maybe_bool(r);
}

const Value* v8__ValueDeserializer__ReadValue(CoilDeserializer* d, const Context* ctx, const Object* owner) {
  Local<Object> saved = d->owner_;
  d->owner_ = ptr_to_local(owner);
  d->busy_++;
  MaybeLocal<Value> r = d->deserializer_.ReadValue(ptr_to_local(ctx));
  d->busy_--;
  d->owner_ = saved;
  return maybe_to_ptr(r);
}

uint32_t v8__ValueDeserializer__GetWireFormatVersion(CoilDeserializer* d) {
  return d->deserializer_.GetWireFormatVersion();
}
void v8__ValueDeserializer__TransferArrayBuffer(CoilDeserializer* d, uint32_t id, const ArrayBuffer* ab) {
  d->deserializer_.TransferArrayBuffer(id, ptr_to_local(ab));
}
void v8__ValueDeserializer__TransferSharedArrayBuffer(CoilDeserializer* d, uint32_t id,
                                                       const Value* sab) {
  d->deserializer_.TransferSharedArrayBuffer(id, ptr_to_local(sab).As<SharedArrayBuffer>());
}
bool v8__ValueDeserializer__ReadUint32(CoilDeserializer* d, uint32_t* out) {
  return d->deserializer_.ReadUint32(out);
}
bool v8__ValueDeserializer__ReadUint64(CoilDeserializer* d, uint64_t* out) {
  return d->deserializer_.ReadUint64(out);
}
bool v8__ValueDeserializer__ReadDouble(CoilDeserializer* d, double* out) {
  return d->deserializer_.ReadDouble(out);
}
// The offset of the next `len` bytes in the input, which it skips; -1 past the end.
int64_t v8__ValueDeserializer__ReadRawBytes(CoilDeserializer* d, size_t len) {
  const void* p = nullptr;
  if (!d->deserializer_.ReadRawBytes(len, &p)) return -1;
  return static_cast<const uint8_t*>(p) - d->data_.data();
}

}  // extern "C"
