// A postMessage's value to bytes and back in one native call each (src/v8/message.rs
// declares these), for MessagePorts: no serializer object reachable from JS, no
// ArrayBuffer for the bytes, no JS call per SharedArrayBuffer. The wire format is
// the one lib/internal/worker/io.js writes through internalBinding('serdes')
// (header, transferred ArrayBuffers by index, MessagePorts as host objects written
// as their index in the transfer list), so either side may read the other's.
// A host object that is a JS transferable (a FileHandle, a KeyObject: see
// lib/internal/worker/js_transferable.js) is written as kJsTransferable, a length
// and the bytes the `host` hook made of it; the receiver's `revive` hook rebuilds it.
//
// The sender's bytes go into one buffer per thread, reused message after message;
// the caller copies them out before the next serialization on the thread. (A
// serialization started inside another, from a getter, gets a buffer of its own.)
#include <v8.h>

#include "handles.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace v8;

typedef uint32_t (*coil_shared_fn)(void* ctx, const SharedArrayBuffer* sab);

// The host object index that announces a JS transferable's bytes instead of a port.
static const uint32_t kJsTransferable = 0xFFFFFFFFu;

// What serialization asks of its caller: SharedArrayBuffers are handed to `shared`
// (which keeps their memory and returns their id); a host object goes to the JS
// function `host` (returns its index, or the bytes of a JS transferable, or
// throws); `clone_error(message)` makes the
// DataCloneError to throw.
struct CoilMessageHooks {
  void* ctx;
  coil_shared_fn shared;
  const Value* host;
  const Value* clone_error;
};

namespace {

thread_local std::vector<uint8_t> out_buffer;
thread_local bool out_buffer_busy = false;

class MessageSerializer : public ValueSerializer::Delegate {
 public:
  MessageSerializer(Isolate* isolate, const CoilMessageHooks* hooks)
      : isolate_(isolate), hooks_(hooks), serializer_(isolate, this), reuse_(!out_buffer_busy) {
    if (reuse_) out_buffer_busy = true;
  }
  ~MessageSerializer() override {
    if (reuse_) out_buffer_busy = false;
  }

  void ThrowDataCloneError(Local<String> message) override {
    Local<Value> argv[1] = {message};
    Local<Value> error;
    Local<Function> make = ptr_to_local(hooks_->clone_error).As<Function>();
    if (make->Call(isolate_->GetCurrentContext(), Undefined(isolate_), 1, argv).ToLocal(&error)) {
      isolate_->ThrowException(error);
    }
  }

  Maybe<bool> WriteHostObject(Isolate* isolate, Local<Object> object) override {
    Local<Value> argv[1] = {object};
    Local<Context> context = isolate->GetCurrentContext();
    Local<Function> host = ptr_to_local(hooks_->host).As<Function>();
    Local<Value> index;
    if (!host->Call(context, Undefined(isolate), 1, argv).ToLocal(&index)) return Nothing<bool>();
    if (index->IsArrayBufferView()) {
      Local<ArrayBufferView> view = index.As<ArrayBufferView>();
      size_t len = view->ByteLength();
      std::vector<uint8_t> bytes(len);
      if (len > 0) view->CopyContents(bytes.data(), len);
      serializer_.WriteUint32(kJsTransferable);
      serializer_.WriteUint32(static_cast<uint32_t>(len));
      serializer_.WriteRawBytes(bytes.data(), len);
      return Just(true);
    }
    uint32_t i;
    if (!index->Uint32Value(context).To(&i)) return Nothing<bool>();
    serializer_.WriteUint32(i);
    return Just(true);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(Isolate*, Local<SharedArrayBuffer> sab) override {
    return Just(hooks_->shared(hooks_->ctx, local_to_ptr(sab)));
  }

  // The thread's buffer serves every message: it only grows.
  void* ReallocateBufferMemory(void* old_buffer, size_t size, size_t* actual_size) override {
    if (!reuse_ || (old_buffer != nullptr && old_buffer != out_buffer.data())) {
      void* p = std::realloc(old_buffer, size);
      *actual_size = p == nullptr ? 0 : size;
      return p;
    }
    if (out_buffer.size() < size) out_buffer.resize(size);
    *actual_size = out_buffer.size();
    return out_buffer.data();
  }
  void FreeBufferMemory(void* buffer) override {
    if (!reuse_ || buffer != out_buffer.data()) std::free(buffer);
  }

  Isolate* isolate_;
  const CoilMessageHooks* hooks_;
  ValueSerializer serializer_;
  bool reuse_;
};

class MessageDeserializer : public ValueDeserializer::Delegate {
 public:
  MessageDeserializer(Isolate* isolate, const uint8_t* data, size_t len, const Value* const* shared,
                      size_t n_shared, const Value* const* ports, size_t n_ports, const Value* revive)
      : shared_(shared), n_shared_(n_shared), ports_(ports), n_ports_(n_ports), revive_(revive),
        deserializer_(isolate, data, len, this) {}

  MaybeLocal<Object> ReadHostObject(Isolate* isolate) override {
    uint32_t i = 0;
    bool ok = deserializer_.ReadUint32(&i);
    if (ok && i == kJsTransferable && revive_ != nullptr) return Revive(isolate);
    if (!ok || i >= n_ports_ || !ptr_to_local(ports_[i])->IsObject()) {
      isolate->ThrowException(Exception::Error(String::NewFromUtf8Literal(isolate, "Unable to deserialize cloned data.")));
      return MaybeLocal<Object>();
    }
    return ptr_to_local(ports_[i]).As<Object>();
  }

  MaybeLocal<SharedArrayBuffer> GetSharedArrayBufferFromId(Isolate* isolate, uint32_t id) override {
    if (id >= n_shared_ || !ptr_to_local(shared_[id])->IsSharedArrayBuffer()) {
      return ValueDeserializer::Delegate::GetSharedArrayBufferFromId(isolate, id);
    }
    return ptr_to_local(shared_[id]).As<SharedArrayBuffer>();
  }

  // A JS transferable: revive(bytes) makes the object (or throws).
  MaybeLocal<Object> Revive(Isolate* isolate) {
    // V8 forbids JS while it reads a value, except where it asks the embedder.
    Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    uint32_t len;
    const void* raw;
    Local<Context> context = isolate->GetCurrentContext();
    if (!deserializer_.ReadUint32(&len) || !deserializer_.ReadRawBytes(len, &raw)) {
      isolate->ThrowException(Exception::Error(String::NewFromUtf8Literal(isolate, "Unable to deserialize cloned data.")));
      return MaybeLocal<Object>();
    }
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, len);
    if (len > 0) std::memcpy(ab->GetBackingStore()->Data(), raw, len);
    Local<Value> argv[1] = {Uint8Array::New(ab, 0, len)};
    Local<Value> out;
    TryCatch tc(isolate);
    if (!ptr_to_local(revive_).As<Function>()->Call(context, Undefined(isolate), 1, argv).ToLocal(&out)) {
      // V8 would replace the error with its own: it is rethrown once ReadValue returns.
      if (tc.HasCaught() && !tc.HasTerminated()) {
        error_.Reset(isolate, tc.Exception());
      } else {
        tc.ReThrow();
      }
      return MaybeLocal<Object>();
    }
    if (!out->IsObject()) {
      isolate->ThrowException(Exception::Error(String::NewFromUtf8Literal(isolate, "Unable to deserialize cloned data.")));
      return MaybeLocal<Object>();
    }
    return out.As<Object>();
  }

  const Value* const* shared_;
  size_t n_shared_;
  const Value* const* ports_;
  size_t n_ports_;
  const Value* revive_;
  Global<Value> error_;  // what revive threw
  ValueDeserializer deserializer_;
};

}  // namespace

extern "C" {

// Serializes `value` with the ArrayBuffers `buffers` transferred (index i each).
// Returns the bytes and their length, or null when it threw (the exception is
// pending). The bytes are the thread's buffer, valid until the next call, unless
// `*heap` is set: then they are the caller's to free with v8__Message__FreeBytes.
const uint8_t* v8__Message__Serialize(Isolate* isolate, const Context* ctx, const Value* value,
                                      const ArrayBuffer* const* buffers, size_t n_buffers,
                                      const CoilMessageHooks* hooks, size_t* len, bool* heap) {
  MessageSerializer s(isolate, hooks);
  for (size_t i = 0; i < n_buffers; i++) {
    s.serializer_.TransferArrayBuffer(static_cast<uint32_t>(i), ptr_to_local(buffers[i]));
  }
  s.serializer_.WriteHeader();
  if (s.serializer_.WriteValue(ptr_to_local(ctx), ptr_to_local(value)).IsNothing()) {
    std::pair<uint8_t*, size_t> dropped = s.serializer_.Release();
    s.FreeBufferMemory(dropped.first);
    return nullptr;
  }
  std::pair<uint8_t*, size_t> out = s.serializer_.Release();
  *len = out.second;
  *heap = out.first != nullptr && out.first != out_buffer.data();
  return out.first == nullptr ? out_buffer.data() : out.first;
}

void v8__Message__FreeBytes(uint8_t* bytes) { std::free(bytes); }

// The value of a message's bytes, with its transferred ArrayBuffers (by index), its
// SharedArrayBuffers (by id) and the MessagePorts it carried (by index), its JS
// transferables rebuilt by the function `revive` (null: none can be); null when it
// threw (the exception is pending).
const Value* v8__Message__Deserialize(Isolate* isolate, const Context* ctx, const uint8_t* data, size_t len,
                                      const ArrayBuffer* const* buffers, size_t n_buffers,
                                      const Value* const* shared, size_t n_shared, const Value* const* ports,
                                      size_t n_ports, const Value* revive) {
  MessageDeserializer d(isolate, data, len, shared, n_shared, ports, n_ports, revive);
  Local<Context> context = ptr_to_local(ctx);
  bool ok;
  if (!d.deserializer_.ReadHeader(context).To(&ok)) return nullptr;
  for (size_t i = 0; i < n_buffers; i++) {
    d.deserializer_.TransferArrayBuffer(static_cast<uint32_t>(i), ptr_to_local(buffers[i]));
  }
  MaybeLocal<Value> out = d.deserializer_.ReadValue(context);
  if (out.IsEmpty() && !d.error_.IsEmpty()) isolate->ThrowException(d.error_.Get(isolate));
  return maybe_to_ptr(out);
}

}  // extern "C"
