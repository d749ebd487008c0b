// The C side of coil's V8 binding: one extern "C" function per V8 call, named
// v8__Class__Method after rusty_v8 so the two read side by side. No C++ type crosses
// the boundary: a Local<T> travels as the T* it wraps, an empty MaybeLocal as null,
// a Maybe<bool> as an int (-1 nothing, 0 false, 1 true). Grouped per class in the
// order of the Rust files that declare them (src/v8/*.rs).
#include <libplatform/libplatform.h>
#include <v8.h>

#include "allocator.h"
#include "handles.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

using namespace v8;

static_assert(sizeof(HandleScope) == 3 * sizeof(void*), "HandleScope size");
static_assert(sizeof(Local<Value>) == sizeof(void*), "Local is one pointer");

// Rust reserves this many bytes for a TryCatch; V8 10.2 and 11.3 both fit.
static const size_t kTryCatchSize = 8 * sizeof(void*);
static_assert(sizeof(TryCatch) <= kTryCatchSize, "TryCatch fits its Rust buffer");


extern "C" {

// ---- V8 (process-wide) -------------------------------------------------------
static std::unique_ptr<Platform> g_platform;

// Hands V8 the candidate flags and removes those it knows; what is left in argv
// (from index 1) was not a V8 flag.
void v8__V8__Initialize(int* argc, char** argv) {
  V8::SetFlagsFromCommandLine(argc, argv, true);
  g_platform = platform::NewDefaultPlatform();
  V8::InitializePlatform(g_platform.get());
  V8::Initialize();
}
const char* v8__V8__GetVersion() { return V8::GetVersion(); }
// Runs one of V8's own foreground tasks posted for `isolate` (FinalizationRegistry
// cleanups, GC follow-ups), if one is due; false when none was.
bool v8__Platform__PumpMessageLoop(Isolate* isolate) {
  return platform::PumpMessageLoop(g_platform.get(), isolate, platform::MessageLoopBehavior::kDoNotWait);
}

// ---- Isolate ----------------------------------------------------------------
// Heap limits in bytes (0: V8's default), a worker's resourceLimits. The main
// thread makes the first isolate, before any worker exists, so the allocator is
// set before a second thread reads it.
Isolate* v8__Isolate__New(size_t max_old_bytes, size_t max_young_bytes) {
  Isolate::CreateParams params;
  params.array_buffer_allocator = coil_array_buffer_allocator();
  if (max_old_bytes != 0) params.constraints.set_max_old_generation_size_in_bytes(max_old_bytes);
  if (max_young_bytes != 0) params.constraints.set_max_young_generation_size_in_bytes(max_young_bytes);
  Isolate* isolate = Isolate::New(params);
  isolate->SetMicrotasksPolicy(MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  return isolate;
}
Isolate* v8__Isolate__GetCurrent() { return Isolate::GetCurrent(); }
// A worker's isolate at its thread's end: the platform drops its task queue first.
void v8__Isolate__Dispose(Isolate* isolate) {
  platform::NotifyIsolateShutdown(g_platform.get(), isolate);
  isolate->Dispose();
}
void v8__Isolate__Enter(Isolate* isolate) { isolate->Enter(); }
void v8__Isolate__Exit(Isolate* isolate) { isolate->Exit(); }
void v8__Isolate__SetData(Isolate* isolate, uint32_t slot, void* data) {
  isolate->SetData(slot, data);
}
void* v8__Isolate__GetData(Isolate* isolate, uint32_t slot) { return isolate->GetData(slot); }
void v8__Isolate__PerformMicrotaskCheckpoint(Isolate* isolate) {
  isolate->PerformMicrotaskCheckpoint();
}
void v8__Isolate__EnqueueMicrotask(Isolate* isolate, const Function* fn) {
  isolate->EnqueueMicrotask(ptr_to_local(fn));
}
const Value* v8__Isolate__ThrowException(Isolate* isolate, const Value* exception) {
  return local_to_ptr(isolate->ThrowException(ptr_to_local(exception)));
}

// A scavenge (or a full collection), now. V8 10.2 answers
// RequestGarbageCollectionForTesting only under --expose-gc, whose other effect is a `gc` global in every new context; the flag
// (a plain bool libnode exports) is raised for this call alone, so no context
// made by coil's own thread sees it.
extern "C++" {
namespace v8 { namespace internal { extern bool FLAG_expose_gc; } }
}
void v8__Isolate__CollectGarbage(Isolate* isolate, bool full) {
  bool exposed = v8::internal::FLAG_expose_gc;
  v8::internal::FLAG_expose_gc = true;
  isolate->RequestGarbageCollectionForTesting(full ? Isolate::kFullGarbageCollection
                                                  : Isolate::kMinorGarbageCollection);
  v8::internal::FLAG_expose_gc = exposed;
}

// Collections counted per thread (each isolate runs on its own thread): read slabs
// make a new ArrayBuffer for their later bytes after each one, so that none lives
// through two scavenges and is promoted (src/binding/tcp_wrap/slab.rs). The
// callback runs on the isolate's thread, at the end of every GC.
static thread_local uint64_t g_gc_count = 0;
static void count_gc(Isolate*, GCType, GCCallbackFlags) { g_gc_count++; }
void v8__Isolate__CountGCs(Isolate* isolate) { isolate->AddGCEpilogueCallback(count_gc); }
uint64_t v8__GCCount() { return g_gc_count; }

typedef void (*coil_reject_cb)(int event, const Promise* promise, const Value* value);
static coil_reject_cb g_reject_cb;
static void promise_reject_trampoline(PromiseRejectMessage message) {
  Local<Value> value = message.GetValue();
  g_reject_cb(static_cast<int>(message.GetEvent()), local_to_ptr(message.GetPromise()),
              value.IsEmpty() ? nullptr : local_to_ptr(value));
}
void v8__Isolate__SetPromiseRejectCallback(Isolate* isolate, coil_reject_cb cb) {
  g_reject_cb = cb;
  isolate->SetPromiseRejectCallback(promise_reject_trampoline);
}

// Out of memory: V8 10.2 passes (location, is_heap_oom), 11.x (location, OOMDetails).
typedef void (*coil_oom_cb)(const char* location, bool is_heap_oom);
static coil_oom_cb g_oom_cb;
#if V8_MAJOR_VERSION >= 11
static void oom_trampoline(const char* location, const OOMDetails& details) {
  g_oom_cb(location, details.is_heap_oom);
}
#else
static void oom_trampoline(const char* location, bool is_heap_oom) { g_oom_cb(location, is_heap_oom); }
#endif
// Stack traces formatted by the embedder (--enable-source-maps): V8 hands over the
// error and its CallSite array; an empty result means the callback threw.
typedef const Value* (*coil_prepare_cb)(const Context* ctx, const Value* error, const Array* sites);
static coil_prepare_cb g_prepare_cb;
static MaybeLocal<Value> prepare_trampoline(Local<Context> ctx, Local<Value> error, Local<Array> sites) {
  const Value* r = g_prepare_cb(local_to_ptr(ctx), local_to_ptr(error), local_to_ptr(sites));
  if (r == nullptr) return MaybeLocal<Value>();
  return ptr_to_local(r);
}
void v8__Isolate__SetPrepareStackTraceCallback(Isolate* isolate, coil_prepare_cb cb) {
  g_prepare_cb = cb;
  isolate->SetPrepareStackTraceCallback(prepare_trampoline);
}

void v8__Isolate__SetOOMErrorHandler(Isolate* isolate, coil_oom_cb cb) {
  g_oom_cb = cb;
  isolate->SetOOMErrorHandler(oom_trampoline);
}

// ---- HandleScope / TryCatch -------------------------------------------------
void v8__HandleScope__CONSTRUCT(void* buf, Isolate* isolate) {
  ::new (buf) HandleScope(isolate);
}
void v8__HandleScope__DESTRUCT(HandleScope* scope) { scope->~HandleScope(); }

void v8__TryCatch__CONSTRUCT(void* buf, Isolate* isolate) { ::new (buf) TryCatch(isolate); }
void v8__TryCatch__DESTRUCT(TryCatch* tc) { tc->~TryCatch(); }
bool v8__TryCatch__HasCaught(const TryCatch* tc) { return tc->HasCaught(); }
bool v8__TryCatch__HasTerminated(const TryCatch* tc) { return tc->HasTerminated(); }
const Value* v8__TryCatch__Exception(const TryCatch* tc) {
  Local<Value> e = tc->Exception();
  return e.IsEmpty() ? nullptr : local_to_ptr(e);
}
const Message* v8__TryCatch__Message(const TryCatch* tc) {
  Local<Message> m = tc->Message();
  return m.IsEmpty() ? nullptr : local_to_ptr(m);
}
void v8__TryCatch__ReThrow(TryCatch* tc) { tc->ReThrow(); }
void v8__TryCatch__Reset(TryCatch* tc) { tc->Reset(); }

// ---- Context ------------------------------------------------------------------
const Context* v8__Context__New(Isolate* isolate) {
  return local_to_ptr(Context::New(isolate));
}
void v8__Context__Enter(const Context* ctx) { ptr_to_local(ctx)->Enter(); }
void v8__Context__Exit(const Context* ctx) { ptr_to_local(ctx)->Exit(); }
const Context* v8__Isolate__GetCurrentContext(Isolate* isolate) {
  return local_to_ptr(isolate->GetCurrentContext());
}

// ---- Global ---------------------------------------------------------------------
// A Global is one word (its handle's slot), kept inline by Rust (object.rs): no malloc.
static_assert(sizeof(Global<Value>) == sizeof(void*), "a Global is one word");
void v8__Global__Init(Global<Value>* out, Isolate* isolate, const Value* value) {
  new (out) Global<Value>(isolate, ptr_to_local(value));
}
const Value* v8__Global__Get(const Global<Value>* g, Isolate* isolate) {
  return local_to_ptr(g->Get(isolate));
}
void v8__Global__Reset(Global<Value>* g) { g->Reset(); }

// ---- Value ------------------------------------------------------------------------
// One predicate per V8 type check, dispatched by index so the Rust enum
// (src/v8/value.rs ValueKind) lists them once, in this order.
#define VALUE_KINDS(V)                                                              \
  V(Undefined) V(Null) V(True) V(False) V(String) V(Symbol) V(Function) V(Array)    \
  V(Object) V(BigInt) V(Boolean) V(Number) V(External) V(Int32) V(Uint32) V(Date)   \
  V(ArgumentsObject) V(BigIntObject) V(BooleanObject) V(NumberObject)               \
  V(StringObject) V(SymbolObject) V(NativeError) V(RegExp) V(AsyncFunction)         \
  V(GeneratorFunction) V(GeneratorObject) V(Promise) V(Map) V(Set) V(MapIterator)   \
  V(SetIterator) V(WeakMap) V(WeakSet) V(ArrayBuffer) V(ArrayBufferView)            \
  V(TypedArray) V(Uint8Array) V(DataView) V(SharedArrayBuffer) V(Proxy)             \
  V(ModuleNamespaceObject) V(Uint8ClampedArray) V(Int8Array) V(Uint16Array)         \
  V(Int16Array) V(Uint32Array) V(Int32Array) V(Float32Array) V(Float64Array)         \
  V(BigInt64Array) V(BigUint64Array)

bool v8__Value__Is(const Value* v, int kind) {
  int i = 0;
#define CHECK_KIND(K) \
  if (kind == i++) return v->Is##K();
  VALUE_KINDS(CHECK_KIND)
#undef CHECK_KIND
  return false;
}
// A Number's value without a context (the common case of a numeric argument).
// Where a Smi's value sits in a tagged word (value.rs reads Smis in place).
static_assert(internal::kSmiTag == 0 && internal::kSmiTagMask == 1, "Smi tag");
extern "C" const uint32_t v8__SMI_SHIFT = internal::kSmiShiftSize + internal::kSmiTagSize;
bool v8__Value__AsNumber(const Value* v, double* out) {
  if (!v->IsNumber()) return false;
  *out = Number::Cast(const_cast<Value*>(v))->Value();
  return true;
}
bool v8__Value__NumberValue(const Value* v, const Context* ctx, double* out) {
  return v->NumberValue(ptr_to_local(ctx)).To(out);
}
bool v8__Value__IntegerValue(const Value* v, const Context* ctx, int64_t* out) {
  return v->IntegerValue(ptr_to_local(ctx)).To(out);
}
bool v8__Value__BooleanValue(const Value* v, Isolate* isolate) { return v->BooleanValue(isolate); }
const String* v8__Value__ToString(const Value* v, const Context* ctx) {
  return maybe_to_ptr(v->ToString(ptr_to_local(ctx)));
}
const String* v8__Value__ToDetailString(const Value* v, const Context* ctx) {
  return maybe_to_ptr(v->ToDetailString(ptr_to_local(ctx)));
}

const Primitive* v8__Undefined(Isolate* isolate) { return local_to_ptr(Undefined(isolate)); }
const Primitive* v8__Null(Isolate* isolate) { return local_to_ptr(Null(isolate)); }
const Boolean* v8__Boolean__New(Isolate* isolate, bool value) {
  return local_to_ptr(Boolean::New(isolate, value));
}
const Number* v8__Number__New(Isolate* isolate, double value) {
  return local_to_ptr(Number::New(isolate, value));
}
const Number* v8__Integer__New(Isolate* isolate, int32_t value) { return local_to_ptr(Integer::New(isolate, value)); }
const BigInt* v8__BigInt__New(Isolate* isolate, int64_t value) { return local_to_ptr(BigInt::New(isolate, value)); }
const BigInt* v8__BigInt__NewFromUnsigned(Isolate* isolate, uint64_t v) { return local_to_ptr(BigInt::NewFromUnsigned(isolate, v)); }
// Empty only if V8 cannot run script (a terminating isolate).
const Value* v8__Date__New(const Context* ctx, double ms) { return maybe_to_ptr(Date::New(ptr_to_local(ctx), ms)); }
int64_t v8__BigInt__Int64Value(const BigInt* b, bool* lossless) { return b->Int64Value(lossless); }

// ---- String -------------------------------------------------------------------------
const String* v8__String__NewFromUtf8(Isolate* isolate, const char* data, int len, bool internalize) {
  return maybe_to_ptr(String::NewFromUtf8(
      isolate, data, internalize ? NewStringType::kInternalized : NewStringType::kNormal, len));
}
const String* v8__String__NewFromOneByte(Isolate* isolate, const uint8_t* data, int len) {
  return maybe_to_ptr(String::NewFromOneByte(isolate, data, NewStringType::kNormal, len));
}
const String* v8__String__NewFromTwoByte(Isolate* isolate, const uint16_t* data, int len) {
  return maybe_to_ptr(String::NewFromTwoByte(isolate, data, NewStringType::kNormal, len));
}

// Built-in sources live in the binary for the whole run: V8 may point at them.
class StaticOneByte : public String::ExternalOneByteStringResource {
 public:
  StaticOneByte(const char* data, size_t len) : data_(data), len_(len) {}
  const char* data() const override { return data_; }
  size_t length() const override { return len_; }
  void Dispose() override { delete this; }

 private:
  const char* data_;
  size_t len_;
};
const String* v8__String__NewExternalOneByteStatic(Isolate* isolate, const char* data, size_t len) {
  return maybe_to_ptr(String::NewExternalOneByte(isolate, new StaticOneByte(data, len)));
}

// Big results (base64/hex/ASCII text of a buffer) are handed to V8 without a copy:
// Rust writes the text into a malloc'd block and V8 owns it from then on. The size
// is reported as external memory so that V8 collects such strings when they pile up.
class OwnedOneByte : public String::ExternalOneByteStringResource {
 public:
  OwnedOneByte(Isolate* isolate, char* data, size_t len) : isolate_(isolate), data_(data), len_(len) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(len_));
  }
  ~OwnedOneByte() override {
    std::free(data_);
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(len_));
  }
  const char* data() const override { return data_; }
  size_t length() const override { return len_; }

 private:
  Isolate* isolate_;
  char* data_;
  size_t len_;
};
// Takes ownership of data (from malloc) in every case: freed at once on failure.
const String* v8__String__NewExternalOneByteOwned(Isolate* isolate, char* data, size_t len) {
  OwnedOneByte* res = new OwnedOneByte(isolate, data, len);
  Local<String> out;
  if (!String::NewExternalOneByte(isolate, res).ToLocal(&out)) {
    delete res;
    return nullptr;
  }
  return *out;
}

// The characters of an external one-byte string (such as a big toString result),
// readable in place without the copy WriteOneByte makes; null for other strings.
const char* v8__String__ExternalOneByteData(const String* s, size_t* len) {
  if (!s->IsExternalOneByte()) return nullptr;
  const String::ExternalOneByteStringResource* r = s->GetExternalOneByteStringResource();
  if (r == nullptr) return nullptr;
  *len = r->length();
  return r->data();
}
int v8__String__Length(const String* s) { return s->Length(); }
// One call for a hot binding's string argument: when `v` is a string stored one
// byte per character and at most `cap` long, copies it into buf and returns its
// length; -1 when it is not a string, -2 when two-byte, -3 - length when longer
// than cap (five API calls otherwise: Is, Cast, IsOneByte, Length, WriteOneByte).
int v8__Value__ReadOneByteString(const Value* v, Isolate* isolate, uint8_t* buf, int cap) {
  if (!v->IsString()) return -1;
  const String* s = String::Cast(const_cast<Value*>(v));
  if (!s->IsOneByte()) return -2;
  int len = s->Length();
  if (len > cap) return -3 - len;
  return s->WriteOneByte(isolate, buf, 0, len, String::NO_NULL_TERMINATION);
}
// True when every character fits a byte (how V8 stores it, not a content scan).
bool v8__String__IsOneByte(const String* s) { return s->IsOneByte(); }
int v8__String__Utf8Length(const String* s, Isolate* isolate) { return s->Utf8Length(isolate); }
// Writes whole characters only, no terminator; unpaired surrogates become U+FFFD.
int v8__String__WriteUtf8(const String* s, Isolate* isolate, char* buf, int cap, int* nchars) {
  return s->WriteUtf8(isolate, buf, cap, nchars,
                      String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
}
int v8__String__WriteOneByte(const String* s, Isolate* isolate, uint8_t* buf, int start, int len) {
  return s->WriteOneByte(isolate, buf, start, len, String::NO_NULL_TERMINATION);
}
int v8__String__Write(const String* s, Isolate* isolate, uint16_t* buf, int start, int len) {
  return s->Write(isolate, buf, start, len, String::NO_NULL_TERMINATION);
}

// ---- Private ------------------------------------------------------------------------
const Private* v8__Private__ForApi(Isolate* isolate, const String* name) {
  return local_to_ptr(Private::ForApi(isolate, ptr_to_local(name)));
}

// ---- Object -------------------------------------------------------------------------
const Object* v8__Object__New(Isolate* isolate) { return local_to_ptr(Object::New(isolate)); }
const Value* v8__Object__Get(const Object* o, const Context* ctx, const Value* key) {
  return maybe_to_ptr(ptr_to_local(o)->Get(ptr_to_local(ctx), ptr_to_local(key)));
}
const Value* v8__Object__GetIndex(const Object* o, const Context* ctx, uint32_t index) {
  return maybe_to_ptr(ptr_to_local(o)->Get(ptr_to_local(ctx), index));
}
int v8__Object__Set(const Object* o, const Context* ctx, const Value* key, const Value* value) {
  return maybe_bool(ptr_to_local(o)->Set(ptr_to_local(ctx), ptr_to_local(key), ptr_to_local(value)));
}
// attrs: bit 0 read-only, bit 1 not enumerable, bit 2 not configurable (V8's PropertyAttribute).
const Value* v8__Object__GetPrivate(const Object* o, const Context* ctx, const Private* key) {
  return maybe_to_ptr(ptr_to_local(o)->GetPrivate(ptr_to_local(ctx), ptr_to_local(key)));
}
int v8__Object__SetPrivate(const Object* o, const Context* ctx, const Private* key, const Value* value) {
  return maybe_bool(ptr_to_local(o)->SetPrivate(ptr_to_local(ctx), ptr_to_local(key), ptr_to_local(value)));
}
const String* v8__Object__GetConstructorName(const Object* o) {
  return local_to_ptr(ptr_to_local(o)->GetConstructorName());
}
const Array* v8__Object__PreviewEntries(const Object* o, bool* is_key_value) {
  return maybe_to_ptr(ptr_to_local(o)->PreviewEntries(is_key_value));
}

// Own names (strings and symbols) that are not array indices (src/v8/keys.rs).
const Array* v8__Object__GetOwnNonIndexNames(const Object* o, const Context* ctx, bool only_enumerable) {
  PropertyFilter filter = only_enumerable ? PropertyFilter::ONLY_ENUMERABLE : PropertyFilter::ALL_PROPERTIES;
  return maybe_to_ptr(ptr_to_local(o)->GetPropertyNames(ptr_to_local(ctx), KeyCollectionMode::kOwnOnly, filter,
                                                        IndexFilter::kSkipIndices, KeyConversionMode::kConvertToString));
}

// ---- Array --------------------------------------------------------------------------
const Array* v8__Array__New(Isolate* isolate, const Value* const* elements, size_t len) {
  return local_to_ptr(Array::New(isolate, const_cast<Local<Value>*>(
                                              reinterpret_cast<const Local<Value>*>(elements)), len));
}
uint32_t v8__Array__Length(const Array* a) { return a->Length(); }

// ---- Function -----------------------------------------------------------------------
typedef void (*coil_native_fn)(const FunctionCallbackInfo<Value>* info);
static void native_trampoline(const FunctionCallbackInfo<Value>& info) {
  // The Rust function pointer rides in the function's data as an External.
  auto fn = reinterpret_cast<coil_native_fn>(info.Data().As<External>()->Value());
  fn(&info);
}
const Function* v8__Function__New(const Context* ctx, coil_native_fn fn, const String* name) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  Local<External> data = External::New(isolate, reinterpret_cast<void*>(fn));
  Local<Function> f;
  if (!Function::New(context, native_trampoline, data, 0, ConstructorBehavior::kThrow).ToLocal(&f))
    return nullptr;
  if (name != nullptr) f->SetName(ptr_to_local(name));
  return local_to_ptr(f);
}
const Value* v8__Function__Call(const Function* f, const Context* ctx, const Value* recv, int argc,
                                const Value* const* argv) {
  return maybe_to_ptr(ptr_to_local(f)->Call(ptr_to_local(ctx), ptr_to_local(recv), argc,
                                            const_cast<Local<Value>*>(reinterpret_cast<const Local<Value>*>(argv))));
}

// Rust reads values_ and length_ in place (object.rs, CallbackInfoLayout): the
// three words V8's own codegen offsets name.
static_assert(sizeof(FunctionCallbackInfo<Value>) == 3 * sizeof(void*), "FunctionCallbackInfo layout");
void v8__FunctionCallbackInfo__SetReturnInt32(const FunctionCallbackInfo<Value>* info, int32_t v) {
  info->GetReturnValue().Set(v);
}
const Value* v8__FunctionCallbackInfo__Get(const FunctionCallbackInfo<Value>* info, int i) {
  return local_to_ptr((*info)[i]);
}
void v8__FunctionCallbackInfo__SetReturnValue(const FunctionCallbackInfo<Value>* info, const Value* v) {
  info->GetReturnValue().Set(ptr_to_local(v));
}

// ---- External -----------------------------------------------------------------------

// ---- ArrayBuffer / BackingStore / views -------------------------------------------
typedef std::shared_ptr<BackingStore> SharedBackingStore;
typedef void (*coil_free_fn)(void* data, size_t len, void* ctx);

const ArrayBuffer* v8__ArrayBuffer__New(Isolate* isolate, size_t len) {
  return local_to_ptr(ArrayBuffer::New(isolate, len));
}
// An ArrayBuffer whose bytes are whatever malloc left: for a caller that writes
// every byte before JS can read one.
const ArrayBuffer* v8__ArrayBuffer__NewUninitialized(Isolate* isolate, size_t len) {
  coil_skip_zero_fill(true);
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, len);
  coil_skip_zero_fill(false);
  return local_to_ptr(ab);
}
// Wraps memory Rust allocated (for example a buffer the kernel just filled) without
// copying; V8 calls `free_fn` when the ArrayBuffer dies.
const ArrayBuffer* v8__ArrayBuffer__NewWithData(Isolate* isolate, void* data, size_t len,
                                                coil_free_fn free_fn, void* free_ctx) {
  std::unique_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(data, len, free_fn, free_ctx);
  return local_to_ptr(ArrayBuffer::New(isolate, std::move(store)));
}
// A new strong reference to the buffer's memory: it stays allocated (and unmoved:
// backing stores never move) until v8__BackingStore__DELETE, whatever JS does.
SharedBackingStore* v8__ArrayBuffer__GetBackingStore(const ArrayBuffer* ab) {
  return new SharedBackingStore(ptr_to_local(ab)->GetBackingStore());
}
void* v8__BackingStore__Data(const SharedBackingStore* bs) { return (*bs)->Data(); }
void v8__BackingStore__DELETE(SharedBackingStore* bs) { delete bs; }

const ArrayBuffer* v8__ArrayBufferView__Buffer(const ArrayBufferView* v) {
  return local_to_ptr(ptr_to_local(v)->Buffer());
}
size_t v8__ArrayBufferView__ByteOffset(const ArrayBufferView* v) { return const_cast<ArrayBufferView*>(v)->ByteOffset(); }
size_t v8__ArrayBufferView__ByteLength(const ArrayBufferView* v) { return const_cast<ArrayBufferView*>(v)->ByteLength(); }
const Uint8Array* v8__Uint8Array__New(const ArrayBuffer* ab, size_t offset, size_t len) {
  return local_to_ptr(Uint8Array::New(ptr_to_local(ab), offset, len));
}
void* v8__ArrayBuffer__Data(const ArrayBuffer* ab) { return const_cast<ArrayBuffer*>(ab)->Data(); }
// A typed array's or DataView's bytes in one call (every buffer binding's argument
// check): false when `v` is no view; *data is null when detached or empty.
bool v8__Value__ViewBytes(const Value* v, uint8_t** data, size_t* len) {
  if (!v->IsArrayBufferView()) return false;
  ArrayBufferView* view = ArrayBufferView::Cast(const_cast<Value*>(v));
  size_t n = view->ByteLength();
  uint8_t* base = n == 0 ? nullptr : static_cast<uint8_t*>(view->Buffer()->Data());
  *data = base == nullptr ? nullptr : base + view->ByteOffset();
  *len = *data == nullptr ? 0 : n;
  return true;
}
size_t v8__ArrayBuffer__ByteLength(const ArrayBuffer* ab) { return ab->ByteLength(); }
bool v8__ArrayBuffer__Detach(const ArrayBuffer* ab) {
  ArrayBuffer* buf = const_cast<ArrayBuffer*>(ab);
  if (!buf->IsDetachable()) return false;
  buf->Detach();
  return true;
}

// ---- Exception / Message ------------------------------------------------------------
const Value* v8__Exception__Error(const String* m) { return local_to_ptr(Exception::Error(ptr_to_local(m))); }
const Value* v8__Exception__TypeError(const String* m) { return local_to_ptr(Exception::TypeError(ptr_to_local(m))); }
const Value* v8__Exception__RangeError(const String* m) { return local_to_ptr(Exception::RangeError(ptr_to_local(m))); }

const Message* v8__Exception__CreateMessage(Isolate* isolate, const Value* exception) {
  return local_to_ptr(Exception::CreateMessage(isolate, ptr_to_local(exception)));
}

const Value* v8__Message__GetScriptResourceName(const Message* m) {
  return local_to_ptr(m->GetScriptResourceName());
}
int v8__Message__GetLineNumber(const Message* m, const Context* ctx) {
  return m->GetLineNumber(ptr_to_local(ctx)).FromMaybe(0);
}
int v8__Message__GetStartColumn(const Message* m) { return m->GetStartColumn(); }
// Where the script's text starts in its file (vm's lineOffset/columnOffset).
void v8__Message__GetScriptOffsets(const Message* m, int* line, int* column) {
  ScriptOrigin origin = m->GetScriptOrigin();
  *line = origin.LineOffset();
  *column = origin.ColumnOffset();
}
int v8__Message__GetEndColumn(const Message* m) { return m->GetEndColumn(); }
const String* v8__Message__GetSourceLine(const Message* m, const Context* ctx) {
  return maybe_to_ptr(m->GetSourceLine(ptr_to_local(ctx)));
}

// ---- Script / ScriptCompiler ----------------------------------------------------------
const Value* v8__Script__CompileAndRun(const Context* ctx, const String* source, const Value* name) {
  Local<Context> context = ptr_to_local(ctx);
  ScriptOrigin origin(context->GetIsolate(), ptr_to_local(name));
  Local<Script> script;
  if (!Script::Compile(context, ptr_to_local(source), &origin).ToLocal(&script)) return nullptr;
  return maybe_to_ptr(script->Run(context));
}
// With `cache` (a built-in's code cache from build time, see mkcodecache.cc) V8
// deserializes the compiled function instead of parsing; it checks the cache and
// falls back to compiling, counted in g_cache_rejected.
static int g_cache_used = 0;
static int g_cache_rejected = 0;
const Function* v8__ScriptCompiler__CompileFunction(const Context* ctx, const String* source,
                                                     const Value* name, size_t argc,
                                                     const String* const* params,
                                                     const uint8_t* cache, int cache_len) {
  Local<Context> context = ptr_to_local(ctx);
  ScriptOrigin origin(context->GetIsolate(), ptr_to_local(name));
  Local<String>* args = const_cast<Local<String>*>(reinterpret_cast<const Local<String>*>(params));
  if (cache == nullptr) {
    ScriptCompiler::Source src(ptr_to_local(source), origin);
    return maybe_to_ptr(ScriptCompiler::CompileFunction(context, &src, argc, args));
  }
  ScriptCompiler::Source src(ptr_to_local(source), origin,
                             new ScriptCompiler::CachedData(cache, cache_len));
  MaybeLocal<Function> fn =
      ScriptCompiler::CompileFunction(context, &src, argc, args, 0, nullptr, ScriptCompiler::kConsumeCodeCache);
  if (src.GetCachedData()->rejected) {
    g_cache_rejected++;
  } else {
    g_cache_used++;
  }
  return maybe_to_ptr(fn);
}
void v8__ScriptCompiler__CacheCounts(int* used, int* rejected) {
  *used = g_cache_used;
  *rejected = g_cache_rejected;
}

// ---- Promise / Proxy --------------------------------------------------------------------
int v8__Promise__State(const Promise* p) { return static_cast<int>(const_cast<Promise*>(p)->State()); }
const Value* v8__Promise__Result(const Promise* p) { return local_to_ptr(const_cast<Promise*>(p)->Result()); }
// A resolver is a promise JS cannot settle: only whoever holds the resolver can.
const Promise::Resolver* v8__Promise__Resolver__New(const Context* ctx) {
  return maybe_to_ptr(Promise::Resolver::New(ptr_to_local(ctx)));
}
const Promise* v8__Promise__Resolver__GetPromise(const Promise::Resolver* r) {
  return local_to_ptr(const_cast<Promise::Resolver*>(r)->GetPromise());
}
int v8__Promise__Resolver__Resolve(const Promise::Resolver* r, const Context* ctx, const Value* v) {
  return maybe_bool(const_cast<Promise::Resolver*>(r)->Resolve(ptr_to_local(ctx), ptr_to_local(v)));
}
int v8__Promise__Resolver__Reject(const Promise::Resolver* r, const Context* ctx, const Value* v) {
  return maybe_bool(const_cast<Promise::Resolver*>(r)->Reject(ptr_to_local(ctx), ptr_to_local(v)));
}
const Value* v8__Proxy__GetTarget(const Proxy* p) { return local_to_ptr(const_cast<Proxy*>(p)->GetTarget()); }
const Value* v8__Proxy__GetHandler(const Proxy* p) { return local_to_ptr(const_cast<Proxy*>(p)->GetHandler()); }

}  // extern "C"
