// The C side of the vm module (src/v8/context.rs declares these): contexts whose
// global object forwards every property access to a "sandbox" object through
// named and indexed interceptors, scripts compiled with an origin's line and column
// offsets and V8 code caches, and the isolate's termination switch used by the
// timeout watchdog. Handles cross as handles.h says: a Local<T> as T*, an
// empty MaybeLocal as null.
#include <v8.h>

#include "handles.h"

#include <cstring>
#include <memory>

using namespace v8;

namespace {

// Context embedder data slots: whether WebAssembly may be compiled there, and
// whether the context has a microtask queue of its own (microtaskMode
// 'afterEvaluate'), drained right after each script run in it.
const int kWasmAllowedSlot = 1;
const int kOwnMicrotasksSlot = 2;

// The interceptors' data is a plain object carrying the sandbox and the context's
// global proxy under these private keys; until both are set the context is still
// being made and nothing is forwarded.
Local<Private> sandbox_key(Isolate* isolate) {
  return Private::ForApi(isolate, String::NewFromUtf8Literal(isolate, "coil:vm:sandbox"));
}
Local<Private> global_key(Isolate* isolate) {
  return Private::ForApi(isolate, String::NewFromUtf8Literal(isolate, "coil:vm:global"));
}

struct Forward {
  Local<Context> context;
  Local<Object> sandbox;
  Local<Object> global;
};

template <class T>
bool forward_of(const PropertyCallbackInfo<T>& info, Forward* out) {
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> holder = info.Data().template As<Object>();
  Local<Value> sandbox, global;
  if (!holder->GetPrivate(context, sandbox_key(isolate)).ToLocal(&sandbox) || !sandbox->IsObject())
    return false;
  if (!holder->GetPrivate(context, global_key(isolate)).ToLocal(&global) || !global->IsObject())
    return false;
  out->context = context;
  out->sandbox = sandbox.As<Object>();
  out->global = global.As<Object>();
  return true;
}

bool has_attr(PropertyAttribute attrs, PropertyAttribute bit) {
  return (static_cast<int>(attrs) & static_cast<int>(bit)) != 0;
}

// Reads look at the sandbox (and its prototypes) first; what it lacks comes from
// the context's own global (the built-ins), by not intercepting.
void named_get(Local<Name> name, const PropertyCallbackInfo<Value>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  Local<Value> value;
  if (!f.sandbox->GetRealNamedProperty(f.context, name).ToLocal(&value)) return;
  if (value->StrictEquals(f.sandbox)) value = f.global;
  info.GetReturnValue().Set(value);
}

// Writes go to the sandbox. The global keeps its own copy too (the write is not
// intercepted) so that declarations behave as on any global, except for accessors
// on the sandbox, which alone decide. A strict-mode write to an undeclared name is
// left to V8, which throws the ReferenceError.
void named_set(Local<Name> name, Local<Value> value, const PropertyCallbackInfo<Value>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  PropertyAttribute global_attrs = PropertyAttribute::None;
  bool on_global = f.global->GetRealNamedPropertyAttributes(f.context, name).To(&global_attrs);
  PropertyAttribute sandbox_attrs = PropertyAttribute::None;
  bool on_sandbox = f.sandbox->GetRealNamedPropertyAttributes(f.context, name).To(&sandbox_attrs);
  if (has_attr(global_attrs, PropertyAttribute::ReadOnly) ||
      has_attr(sandbox_attrs, PropertyAttribute::ReadOnly))
    return;
  bool contextual = !f.global->StrictEquals(info.This());
  if (!on_global && !on_sandbox && info.ShouldThrowOnError() && contextual && !value->IsFunction())
    return;
  if (f.sandbox->Set(f.context, name, value).IsNothing()) return;
  if (on_sandbox) {
    Local<Value> desc;
    if (f.sandbox->GetOwnPropertyDescriptor(f.context, name).ToLocal(&desc) && desc->IsObject()) {
      Local<Object> d = desc.As<Object>();
      Isolate* isolate = info.GetIsolate();
      if (d->HasOwnProperty(f.context, String::NewFromUtf8Literal(isolate, "get")).FromMaybe(false) ||
          d->HasOwnProperty(f.context, String::NewFromUtf8Literal(isolate, "set")).FromMaybe(false))
        info.GetReturnValue().Set(value);
    }
  }
}

void named_descriptor(Local<Name> name, const PropertyCallbackInfo<Value>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  if (!f.sandbox->HasOwnProperty(f.context, name).FromMaybe(false)) return;
  Local<Value> desc;
  if (f.sandbox->GetOwnPropertyDescriptor(f.context, name).ToLocal(&desc)) info.GetReturnValue().Set(desc);
}

void copy_flags(const PropertyDescriptor& from, PropertyDescriptor* to) {
  if (from.has_enumerable()) to->set_enumerable(from.enumerable());
  if (from.has_configurable()) to->set_configurable(from.configurable());
}

// defineProperty on the global defines the same property on the sandbox; the
// global gets it as well (not intercepted), unless it holds a read-only one.
void named_define(Local<Name> name, const PropertyDescriptor& desc, const PropertyCallbackInfo<Value>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  PropertyAttribute attrs = PropertyAttribute::None;
  bool on_global = f.global->GetRealNamedPropertyAttributes(f.context, name).To(&attrs);
  if (on_global && has_attr(attrs, PropertyAttribute::ReadOnly)) return;
  Isolate* isolate = info.GetIsolate();
  Local<Value> undefined = Undefined(isolate);
  if (desc.has_get() || desc.has_set()) {
    PropertyDescriptor copy(desc.has_get() ? desc.get() : undefined, desc.has_set() ? desc.set() : undefined);
    copy_flags(desc, &copy);
    if (f.sandbox->DefineProperty(f.context, name, copy).IsNothing()) return;
  } else if (desc.has_writable()) {
    PropertyDescriptor copy(desc.has_value() ? desc.value() : undefined, desc.writable());
    copy_flags(desc, &copy);
    if (f.sandbox->DefineProperty(f.context, name, copy).IsNothing()) return;
  } else {
    PropertyDescriptor copy(desc.has_value() ? desc.value() : undefined);
    copy_flags(desc, &copy);
    if (f.sandbox->DefineProperty(f.context, name, copy).IsNothing()) return;
  }
}

// A property the sandbox refuses to lose stays on the global too.
void named_delete(Local<Name> name, const PropertyCallbackInfo<Boolean>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  if (f.sandbox->Delete(f.context, name).FromMaybe(false)) return;
  info.GetReturnValue().Set(false);
}

// What `for in` would list on the sandbox (its prototypes' enumerable names
// included, as node lists them), then the sandbox's own symbols: node's global
// shows those through a copy on the real global that this V8 does not keep.
void named_enumerate(const PropertyCallbackInfo<Array>& info) {
  Forward f;
  if (!forward_of(info, &f)) return;
  Local<Array> names, symbols;
  if (!f.sandbox->GetPropertyNames(f.context).ToLocal(&names)) return;
  if (!f.sandbox
           ->GetPropertyNames(f.context, KeyCollectionMode::kOwnOnly, PropertyFilter::SKIP_STRINGS,
                              IndexFilter::kSkipIndices)
           .ToLocal(&symbols))
    return;
  uint32_t count = names->Length();
  for (uint32_t i = 0; i < symbols->Length(); i++) {
    Local<Value> symbol;
    if (!symbols->Get(f.context, i).ToLocal(&symbol) || names->Set(f.context, count++, symbol).IsNothing())
      return;
  }
  info.GetReturnValue().Set(names);
}

// Indexed properties take the named path with the index as a string key.
Local<Name> index_name(Isolate* isolate, uint32_t index) {
  return Uint32::NewFromUnsigned(isolate, index)->ToString(isolate->GetCurrentContext()).ToLocalChecked();
}
void indexed_get(uint32_t index, const PropertyCallbackInfo<Value>& info) {
  named_get(index_name(info.GetIsolate(), index), info);
}
void indexed_set(uint32_t index, Local<Value> value, const PropertyCallbackInfo<Value>& info) {
  named_set(index_name(info.GetIsolate(), index), value, info);
}
void indexed_descriptor(uint32_t index, const PropertyCallbackInfo<Value>& info) {
  named_descriptor(index_name(info.GetIsolate(), index), info);
}
void indexed_define(uint32_t index, const PropertyDescriptor& desc, const PropertyCallbackInfo<Value>& info) {
  named_define(index_name(info.GetIsolate(), index), desc, info);
}
void indexed_delete(uint32_t index, const PropertyCallbackInfo<Boolean>& info) {
  named_delete(index_name(info.GetIsolate(), index), info);
}

bool allow_wasm(Local<Context> context, Local<String> source) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kWasmAllowedSlot)) return true;
  Local<Value> allowed = context->GetEmbedderData(kWasmAllowedSlot);
  return !allowed->IsFalse();
}

MaybeLocal<UnboundScript> compile_unbound(Local<Context> context, Local<String> source, Local<Value> name,
                                          int line, int column, const uint8_t* cache, int cache_len,
                                          int* rejected) {
  Isolate* isolate = context->GetIsolate();
  ScriptOrigin origin(isolate, name, line, column);
  if (cache == nullptr) {
    ScriptCompiler::Source src(source, origin);
    return ScriptCompiler::CompileUnboundScript(isolate, &src);
  }
  ScriptCompiler::Source src(source, origin, new ScriptCompiler::CachedData(cache, cache_len));
  MaybeLocal<UnboundScript> script =
      ScriptCompiler::CompileUnboundScript(isolate, &src, ScriptCompiler::kConsumeCodeCache);
  if (rejected != nullptr) *rejected = src.GetCachedData()->rejected ? 1 : 0;
  return script;
}

// A context's own microtask queue lives as long as its global proxy.
struct QueueOwner {
  std::unique_ptr<MicrotaskQueue> queue;
  Global<Object> global;
};
void free_queue(const WeakCallbackInfo<QueueOwner>& info) { delete info.GetParameter(); }

bool has_own_microtasks(Local<Context> context) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kOwnMicrotasksSlot)) return false;
  return context->GetEmbedderData(kOwnMicrotasksSlot)->IsTrue();
}

const ArrayBuffer* cache_to_buffer(Isolate* isolate, ScriptCompiler::CachedData* data) {
  if (data == nullptr) return nullptr;
  Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate, data->length);
  if (data->length > 0) std::memcpy(buffer->Data(), data->data, data->length);
  delete data;
  return *buffer;
}

}  // namespace

extern "C" {

// A new context whose global forwards to `sandbox`; the sandbox gets the global
// proxy under `marker` so that it can be found again (vm.isContext, runInContext).
const Context* v8__Context__NewForwarding(const Context* current, const Object* sandbox_ptr,
                                          const Private* marker, bool allow_strings, bool allow_wasm_code,
                                          bool own_microtasks) {
  Local<Context> outer = ptr_to_local(current);
  Isolate* isolate = outer->GetIsolate();
  Local<Object> sandbox = ptr_to_local(sandbox_ptr);
  Local<Object> holder = Object::New(isolate);
  Local<FunctionTemplate> global_fn = FunctionTemplate::New(isolate);
  Local<ObjectTemplate> global_template = global_fn->InstanceTemplate();
  global_template->SetHandler(NamedPropertyHandlerConfiguration(named_get, named_set, nullptr, named_delete,
                                                                named_enumerate, named_define,
                                                                named_descriptor, holder));
  global_template->SetHandler(IndexedPropertyHandlerConfiguration(indexed_get, indexed_set, nullptr,
                                                                  indexed_delete, nullptr, indexed_define,
                                                                  indexed_descriptor, holder));
  QueueOwner* owner = nullptr;
  if (own_microtasks) {
    owner = new QueueOwner();
    owner->queue = MicrotaskQueue::New(isolate, MicrotasksPolicy::kExplicit);
  }
  Local<Context> context = Context::New(isolate, nullptr, global_template, MaybeLocal<Value>(),
                                        DeserializeInternalFieldsCallback(),
                                        owner == nullptr ? nullptr : owner->queue.get());
  if (context.IsEmpty()) {
    delete owner;
    return nullptr;
  }
  context->SetEmbedderData(kOwnMicrotasksSlot, Boolean::New(isolate, owner != nullptr));
  if (owner != nullptr) {
    owner->global.Reset(isolate, context->Global());
    owner->global.SetWeak(owner, free_queue, WeakCallbackType::kParameter);
  }
  context->SetSecurityToken(outer->GetSecurityToken());
  context->AllowCodeGenerationFromStrings(allow_strings);
  context->SetEmbedderData(kWasmAllowedSlot, Boolean::New(isolate, allow_wasm_code));
  isolate->SetAllowWasmCodeGenerationCallback(allow_wasm);
  Local<Object> global = context->Global();
  if (holder->SetPrivate(outer, sandbox_key(isolate), sandbox).IsNothing() ||
      holder->SetPrivate(outer, global_key(isolate), global).IsNothing() ||
      sandbox->SetPrivate(outer, ptr_to_local(marker), global).IsNothing())
    return nullptr;
  return *context;
}

const Context* v8__Object__GetCreationContext(const Object* o) {
  return maybe_to_ptr(const_cast<Object*>(o)->GetCreationContext());
}

// Compiles in `current` without running: throws the SyntaxError. *rejected tells
// whether V8 turned down `cache` (left alone without a cache). Returns false if
// compiling threw.
// *source_map_url gets the script's `//# sourceMappingURL=` value (or undefined).
bool v8__Contextify__Check(const Context* current, const String* source, const Value* name, int line,
                           int column, const uint8_t* cache, int cache_len, int* rejected,
                           const Value** source_map_url) {
  Local<UnboundScript> script;
  if (!compile_unbound(ptr_to_local(current), ptr_to_local(source), ptr_to_local(name), line, column, cache,
                       cache_len, rejected)
           .ToLocal(&script))
    return false;
  *source_map_url = *script->GetSourceMappingURL();
  return true;
}

// The code cache of the script (an ArrayBuffer), compiled once more (V8's own
// compilation cache makes that cheap); null if compiling threw.
const ArrayBuffer* v8__Contextify__CodeCache(const Context* current, const String* source,
                                             const Value* name, int line, int column) {
  Local<Context> context = ptr_to_local(current);
  Local<UnboundScript> script;
  if (!compile_unbound(context, ptr_to_local(source), ptr_to_local(name), line, column, nullptr, 0, nullptr)
           .ToLocal(&script))
    return nullptr;
  return cache_to_buffer(context->GetIsolate(), ScriptCompiler::CreateCodeCache(script));
}

// Compiles and runs the script in `target` (entered for the run); null if it threw.
const Value* v8__Contextify__Run(const Context* target, const String* source, const Value* name, int line,
                                 int column) {
  Local<Context> context = ptr_to_local(target);
  Context::Scope enter(context);
  Local<UnboundScript> unbound;
  if (!compile_unbound(context, ptr_to_local(source), ptr_to_local(name), line, column, nullptr, 0, nullptr)
           .ToLocal(&unbound))
    return nullptr;
  Local<Value> result;
  if (!unbound->BindToCurrentContext()->Run(context).ToLocal(&result)) return nullptr;
  if (has_own_microtasks(context)) {
    context->GetMicrotaskQueue()->PerformCheckpoint(context->GetIsolate());
    if (context->GetIsolate()->IsExecutionTerminating()) return nullptr;
  }
  return *result;
}

// ScriptCompiler::CompileFunction with an origin's offsets, objects whose
// properties the body sees as variables, and an optional code cache to consume
// (*rejected set) or to produce (*produced, an ArrayBuffer). Null on a syntax error.
const Function* v8__Contextify__CompileFunction(const Context* target, const String* source,
                                                const Value* name, int line, int column, size_t argc,
                                                const String* const* params, size_t extc,
                                                const Object* const* extensions, const uint8_t* cache,
                                                int cache_len, int* rejected, bool produce,
                                                const ArrayBuffer** produced) {
  Local<Context> context = ptr_to_local(target);
  Context::Scope enter(context);
  Isolate* isolate = context->GetIsolate();
  ScriptOrigin origin(isolate, ptr_to_local(name), line, column);
  Local<String>* args = const_cast<Local<String>*>(reinterpret_cast<const Local<String>*>(params));
  Local<Object>* exts = const_cast<Local<Object>*>(reinterpret_cast<const Local<Object>*>(extensions));
  MaybeLocal<Function> maybe;
  if (cache == nullptr) {
    ScriptCompiler::Source src(ptr_to_local(source), origin);
    maybe = ScriptCompiler::CompileFunction(context, &src, argc, args, extc, exts);
  } else {
    ScriptCompiler::Source src(ptr_to_local(source), origin, new ScriptCompiler::CachedData(cache, cache_len));
    maybe = ScriptCompiler::CompileFunction(context, &src, argc, args, extc, exts,
                                            ScriptCompiler::kConsumeCodeCache);
    *rejected = src.GetCachedData()->rejected ? 1 : 0;
  }
  Local<Function> fn;
  if (!maybe.ToLocal(&fn)) return nullptr;
  if (produce) *produced = cache_to_buffer(isolate, ScriptCompiler::CreateCodeCacheForFunction(fn));
  return *fn;
}

// V8's code cache of a function made by CompileFunction, with the inner functions
// compiled so far (made after the function ran, what its run needed).
const ArrayBuffer* v8__ScriptCompiler__CodeCacheForFunction(const Function* fn) {
  Local<Function> function = ptr_to_local(fn);
  return cache_to_buffer(function->GetIsolate(), ScriptCompiler::CreateCodeCacheForFunction(function));
}

// Safe from any thread: the watchdog stops a script that ran past its time.
void v8__Isolate__TerminateExecution(Isolate* isolate) { isolate->TerminateExecution(); }
void v8__Isolate__CancelTerminateExecution(Isolate* isolate) { isolate->CancelTerminateExecution(); }

}  // extern "C"
