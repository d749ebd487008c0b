// V8's fast API calls: a native function made with a C function beside its usual
// callback is called by TurboFan-optimized code directly, as a plain C call with
// no FunctionCallbackInfo, HandleScope or return-value handle (V8 falls back to
// the callback everywhere else: interpreter, baseline code, argument count or
// types that do not fit). util.types' checks were one callback each, about 20 ns;
// a fast call is a few.
//
// libnode's headers leave out v8-fast-api-calls.h, so the three types V8 reads
// are declared here as V8 10.2 lays them out (checked against libnode's exported
// CFunctionInfo constructor, which stores return info at 0, the argument count at
// 4 and the argument array at 8, and against its type numbering: kFloat32 = 6).
// Only the signatures coil uses are offered, each a static table.
#include <v8.h>

#include "handles.h"

#include <cstdint>

namespace v8 {
class CTypeInfo {
 public:
  enum class Type : uint8_t { kVoid, kBool, kInt32, kUint32, kInt64, kUint64, kFloat32, kFloat64, kV8Value };
  constexpr explicit CTypeInfo(Type type) : type_(type), sequence_type_(0), flags_(0) {}

 private:
  Type type_;
  uint8_t sequence_type_;  // kScalar
  uint8_t flags_;          // kNone
};
static_assert(sizeof(CTypeInfo) == 3, "CTypeInfo is three bytes");

class CFunctionInfo {
 public:
  // Defined in libnode.
  CFunctionInfo(const CTypeInfo& return_info, unsigned int arg_count, const CTypeInfo* arg_info);

 private:
  const CTypeInfo return_info_;
  const unsigned int arg_count_;
  const CTypeInfo* arg_info_;
};
static_assert(sizeof(CFunctionInfo) == 16, "CFunctionInfo layout");

class CFunction {
 public:
  CFunction(const void* address, const CFunctionInfo* type_info) : address_(address), type_info_(type_info) {}

 private:
  const void* address_;
  const CFunctionInfo* type_info_;
};
}  // namespace v8

using namespace v8;

namespace {
using T = CTypeInfo::Type;
// The receiver comes first in every argument list.
const CTypeInfo kReceiverAndValue[] = {CTypeInfo(T::kV8Value), CTypeInfo(T::kV8Value)};

const CTypeInfo kReceiver[] = {CTypeInfo(T::kV8Value)};

// Signatures by number (src/v8/object.rs FastCall lists them in this order).
const CFunctionInfo* signature(int which) {
  // bool f(Local<Value> receiver, Local<Value> value)
  static const CFunctionInfo kValueToBool(CTypeInfo(T::kBool), 2, kReceiverAndValue);
  // double f(Local<Value> receiver)
  static const CFunctionInfo kNoArgsToF64(CTypeInfo(T::kFloat64), 1, kReceiver);
  switch (which) {
    case 0:
      return &kValueToBool;
    case 1:
      return &kNoArgsToF64;
    default:
      return nullptr;
  }
}

typedef void (*coil_native_fn)(const FunctionCallbackInfo<Value>* info);
void fast_trampoline_slow(const FunctionCallbackInfo<Value>& info) {
  auto fn = reinterpret_cast<coil_native_fn>(info.Data().As<External>()->Value());
  fn(&info);
}
}  // namespace

extern "C" {
// As v8__Function__New, with `fast` (a C function of signature number `sig`)
// for optimized callers.
const Function* v8__Function__NewWithFastCall(const Context* ctx, coil_native_fn fn, const String* name,
                                              const void* fast, int sig) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  Local<External> data = External::New(isolate, reinterpret_cast<void*>(fn));
  // V8 copies the CFunction's two pointers; the signature table is static.
  CFunction c_function(fast, signature(sig));
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, fast_trampoline_slow, data, Local<Signature>(), 0, ConstructorBehavior::kThrow,
                            SideEffectType::kHasSideEffect, &c_function);
  Local<Function> f;
  if (!tmpl->GetFunction(context).ToLocal(&f)) return nullptr;
  if (name != nullptr) f->SetName(ptr_to_local(name));
  return local_to_ptr(f);
}
}
