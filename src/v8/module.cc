// ES module records on V8's Module API: each compiled or synthetic module gets a
// small integer id that lib/ uses to name it; the module map, resolution and
// loading stay in JS (lib/internal/modules/esm). V8 calls back here while linking
// (resolve: answered from the links JS recorded beforehand, so no JS runs inside
// InstantiateModule), while evaluating a synthetic module (its JS steps fill its
// exports), for import() and for the first read of import.meta; the last two call
// JS functions lib/ registered. No I/O happens here.
#include <v8.h>

#include "handles.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace v8;

namespace {

struct ModuleEntry {
  Global<Module> module;
  // (specifier, id) for each request, as JS linked them.
  std::vector<std::pair<std::string, int>> links;
  // The steps of a synthetic module (sets its exports when it is evaluated).
  Global<Function> steps;
};

// Lives as long as the process (never freed: a Global must not outlive its isolate,
// and the isolate is never disposed before exit).
struct Registry {
  std::vector<ModuleEntry*> entries;
  std::unordered_multimap<int, int> by_hash;
  Global<Function> import_dynamically;
  Global<Function> initialize_meta;
};

Registry* registry() {
  // One per thread: each thread (the main one, each worker) has its own isolate.
  static thread_local Registry* r = new Registry();
  return r;
}

int add(Isolate* isolate, Local<Module> module) {
  Registry* r = registry();
  auto* entry = new ModuleEntry();
  entry->module.Reset(isolate, module);
  int id = static_cast<int>(r->entries.size());
  r->entries.push_back(entry);
  r->by_hash.emplace(module->GetIdentityHash(), id);
  return id;
}

int id_of(Local<Module> module) {
  Registry* r = registry();
  auto range = r->by_hash.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (r->entries[it->second]->module == module) return it->second;
  }
  return -1;
}

ModuleEntry* entry(int id) {
  Registry* r = registry();
  if (id < 0 || static_cast<size_t>(id) >= r->entries.size()) return nullptr;
  return r->entries[id];
}

MaybeLocal<Module> resolve_linked(Local<Context> context, Local<String> specifier,
                                  Local<FixedArray> assertions, Local<Module> referrer) {
  Isolate* isolate = context->GetIsolate();
  ModuleEntry* from = entry(id_of(referrer));
  String::Utf8Value name(isolate, specifier);
  if (from != nullptr && *name != nullptr) {
    for (auto& link : from->links) {
      if (link.first == *name) {
        ModuleEntry* to = entry(link.second);
        if (to != nullptr) return to->module.Get(isolate);
      }
    }
  }
  std::string message = std::string("request for '") + (*name ? *name : "") + "' is not yet fulfilled";
  isolate->ThrowException(Exception::Error(String::NewFromUtf8(isolate, message.c_str()).ToLocalChecked()));
  return MaybeLocal<Module>();
}

MaybeLocal<Value> synthetic_steps(Local<Context> context, Local<Module> module) {
  Isolate* isolate = context->GetIsolate();
  ModuleEntry* e = entry(id_of(module));
  if (e == nullptr || e->steps.IsEmpty()) return Undefined(isolate);
  if (e->steps.Get(isolate)->Call(context, Undefined(isolate), 0, nullptr).IsEmpty()) {
    return MaybeLocal<Value>();
  }
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return MaybeLocal<Value>();
  if (resolver->Resolve(context, Undefined(isolate)).IsNothing()) return MaybeLocal<Value>();
  return resolver->GetPromise();
}

// The "type" attribute of a request, or undefined. `stride` is 3 for a static
// request's [key, value, location] triples, 2 for import()'s [key, value] pairs.
Local<Value> type_attribute(Local<Context> context, Local<FixedArray> attributes, int stride) {
  Isolate* isolate = context->GetIsolate();
  for (int i = 0; i + 1 < attributes->Length(); i += stride) {
    Local<String> key = attributes->Get(context, i).As<String>();
    if (key->StringEquals(String::NewFromUtf8Literal(isolate, "type"))) {
      return attributes->Get(context, i + 1).As<Value>();
    }
  }
  return Undefined(isolate);
}

MaybeLocal<Promise> import_dynamically(Local<Context> context, Local<Data> options, Local<Value> resource_name,
                                       Local<String> specifier, Local<FixedArray> attributes) {
  Isolate* isolate = context->GetIsolate();
  Registry* r = registry();
  if (r->import_dynamically.IsEmpty()) {
    isolate->ThrowException(Exception::TypeError(String::NewFromUtf8Literal(isolate, "import() is not available")));
    return MaybeLocal<Promise>();
  }
  Local<Value> argv[] = {specifier, resource_name, type_attribute(context, attributes, 2)};
  Local<Value> result;
  if (!r->import_dynamically.Get(isolate)->Call(context, Undefined(isolate), 3, argv).ToLocal(&result)) {
    return MaybeLocal<Promise>();
  }
  if (!result->IsPromise()) return MaybeLocal<Promise>();
  return result.As<Promise>();
}

void initialize_meta(Local<Context> context, Local<Module> module, Local<Object> meta) {
  Isolate* isolate = context->GetIsolate();
  Registry* r = registry();
  if (r->initialize_meta.IsEmpty()) return;
  Local<Value> argv[] = {meta, Integer::New(isolate, id_of(module))};
  // An exception here propagates to the code reading import.meta.
  Local<Value> ignored;
  if (!r->initialize_meta.Get(isolate)->Call(context, Undefined(isolate), 2, argv).ToLocal(&ignored)) return;
}

Local<Module> module_of(Isolate* isolate, int id) { return entry(id)->module.Get(isolate); }

}  // namespace

extern "C" {

// Compiles `source` as a module named `url`; its id, or -1 with the SyntaxError thrown.
// With `cache` (a code cache of an earlier run), V8 uses it if it fits this source and
// this V8, and *rejected says whether it did not.
int v8__Module__Compile(const Context* ctx, const String* source, const Value* url, const uint8_t* cache,
                        int cache_len, int* rejected) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  ScriptOrigin origin(isolate, ptr_to_local(url), 0, 0, false, -1, Local<Value>(), false, false, true);
  Local<Module> module;
  if (cache == nullptr) {
    ScriptCompiler::Source src(ptr_to_local(source), origin);
    if (!ScriptCompiler::CompileModule(isolate, &src).ToLocal(&module)) return -1;
  } else {
    // The Source owns the CachedData; BufferNotOwned leaves the bytes to the caller.
    ScriptCompiler::Source src(ptr_to_local(source), origin, new ScriptCompiler::CachedData(cache, cache_len));
    MaybeLocal<Module> compiled = ScriptCompiler::CompileModule(isolate, &src, ScriptCompiler::kConsumeCodeCache);
    *rejected = src.GetCachedData()->rejected ? 1 : 0;
    if (!compiled.ToLocal(&module)) return -1;
  }
  return add(isolate, module);
}

// V8's code cache of a source text module, with the functions compiled so far (so,
// made after it ran, what its run needed); null for a synthetic module or one that
// failed to link or run.
const ArrayBuffer* v8__Module__CodeCache(int id) {
  if (entry(id) == nullptr) return nullptr;
  Isolate* isolate = Isolate::GetCurrent();
  Local<Module> module = module_of(isolate, id);
  if (!module->IsSourceTextModule()) return nullptr;
  Module::Status status = module->GetStatus();
  if (status != Module::kInstantiated && status != Module::kEvaluated) return nullptr;
  ScriptCompiler::CachedData* data = ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript());
  if (data == nullptr) return nullptr;
  Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate, data->length);
  if (data->length > 0) std::memcpy(buffer->Data(), data->data, data->length);
  delete data;
  return local_to_ptr(buffer);
}

// A module whose exports are `names` (an array of strings), set by `steps` when it
// is evaluated; its id.
int v8__Module__CreateSynthetic(const Context* ctx, const String* url, const Array* names, const Function* steps) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  Local<Array> list = ptr_to_local(names);
  std::vector<Local<String>> exports;
  for (uint32_t i = 0; i < list->Length(); i++) {
    Local<Value> name;
    if (!list->Get(context, i).ToLocal(&name) || !name->IsString()) continue;
    exports.push_back(name.As<String>());
  }
  Local<Module> module = Module::CreateSyntheticModule(isolate, ptr_to_local(url), exports, synthetic_steps);
  int id = add(isolate, module);
  entry(id)->steps.Reset(isolate, ptr_to_local(steps));
  return id;
}

int v8__Module__SetExport(const Context* ctx, int id, const String* name, const Value* value) {
  Isolate* isolate = ptr_to_local(ctx)->GetIsolate();
  if (entry(id) == nullptr) return -1;
  return maybe_bool(module_of(isolate, id)->SetSyntheticModuleExport(isolate, ptr_to_local(name), ptr_to_local(value)));
}

// [specifier, type attribute or undefined, ...] for each static request, in order.
const Array* v8__Module__Requests(const Context* ctx, int id) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  if (entry(id) == nullptr) return nullptr;
  Local<FixedArray> requests = module_of(isolate, id)->GetModuleRequests();
  Local<Array> out = Array::New(isolate, requests->Length() * 2);
  for (int i = 0; i < requests->Length(); i++) {
    Local<ModuleRequest> request = requests->Get(context, i).As<ModuleRequest>();
    if (out->Set(context, i * 2, request->GetSpecifier()).IsNothing()) return nullptr;
    Local<Value> type = type_attribute(context, request->GetImportAssertions(), 3);
    if (out->Set(context, i * 2 + 1, type).IsNothing()) return nullptr;
  }
  return local_to_ptr(out);
}

// Records what each request of module `id` resolved to: specifiers[i] -> ids[i].
void v8__Module__Link(const Context* ctx, int id, const Array* specifiers, const Array* ids) {
  Local<Context> context = ptr_to_local(ctx);
  Isolate* isolate = context->GetIsolate();
  ModuleEntry* e = entry(id);
  if (e == nullptr) return;
  Local<Array> names = ptr_to_local(specifiers);
  Local<Array> targets = ptr_to_local(ids);
  e->links.clear();
  for (uint32_t i = 0; i < names->Length() && i < targets->Length(); i++) {
    Local<Value> name;
    Local<Value> target;
    if (!names->Get(context, i).ToLocal(&name) || !targets->Get(context, i).ToLocal(&target)) return;
    String::Utf8Value text(isolate, name);
    e->links.emplace_back(*text ? *text : "", target->Int32Value(context).FromMaybe(-1));
  }
}

int v8__Module__Instantiate(const Context* ctx, int id) {
  if (entry(id) == nullptr) return -1;
  Local<Context> context = ptr_to_local(ctx);
  return maybe_bool(module_of(context->GetIsolate(), id)->InstantiateModule(context, resolve_linked));
}

// The promise of the module's evaluation (top-level await); null if it threw.
const Value* v8__Module__Evaluate(const Context* ctx, int id) {
  if (entry(id) == nullptr) return nullptr;
  Local<Context> context = ptr_to_local(ctx);
  return maybe_to_ptr(module_of(context->GetIsolate(), id)->Evaluate(context));
}

int v8__Module__GetStatus(int id) {
  if (entry(id) == nullptr) return -1;
  return module_of(Isolate::GetCurrent(), id)->GetStatus();
}

const Value* v8__Module__GetException(int id) {
  if (entry(id) == nullptr) return nullptr;
  return local_to_ptr(module_of(Isolate::GetCurrent(), id)->GetException());
}

const Value* v8__Module__GetNamespace(int id) {
  if (entry(id) == nullptr) return nullptr;
  Local<Module> module = module_of(Isolate::GetCurrent(), id);
  if (module->GetStatus() < Module::kInstantiated) return nullptr;
  return local_to_ptr(module->GetModuleNamespace());
}

bool v8__Module__IsGraphAsync(int id) {
  if (entry(id) == nullptr) return false;
  Local<Module> module = module_of(Isolate::GetCurrent(), id);
  return module->IsSourceTextModule() && module->IsGraphAsync();
}

// import(specifier, referrerName, type) and initializeMeta(meta, id), called by V8.
void v8__Module__SetHostCallbacks(const Context* ctx, const Function* import_fn, const Function* meta_fn) {
  Isolate* isolate = ptr_to_local(ctx)->GetIsolate();
  registry()->import_dynamically.Reset(isolate, ptr_to_local(import_fn));
  registry()->initialize_meta.Reset(isolate, ptr_to_local(meta_fn));
  isolate->SetHostImportModuleDynamicallyCallback(import_dynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(initialize_meta);
}

}  // extern "C"
