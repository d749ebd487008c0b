// The C side of src/v8/heap.rs: what node's `v8` module reports about the heap
// (statistics of the whole heap, of each space, of code), V8's flags at run time,
// the code-cache version tag, and heap snapshots serialized as JSON.
#include <v8.h>
#include <v8-profiler.h>

#include <cstdio>
#include <cstdint>
#include <cstring>
#include <string>

using namespace v8;

namespace v8 { namespace internal {
extern int FLAG_semi_space_growth_factor;
extern bool FLAG_expose_gc;
} }

namespace {

// A snapshot's JSON, gathered into a string or written to a FILE.
class SnapshotSink : public OutputStream {
 public:
  explicit SnapshotSink(FILE* file) : file_(file) {}
  void EndOfStream() override {}
  int GetChunkSize() override { return 64 * 1024; }
  WriteResult WriteAsciiChunk(char* data, int size) override {
    if (file_ != nullptr) {
      if (fwrite(data, 1, size, file_) != static_cast<size_t>(size)) return kAbort;
    } else {
      text_.append(data, size);
    }
    return kContinue;
  }
  std::string& text() { return text_; }

 private:
  FILE* file_;
  std::string text_;
};

const HeapSnapshot* take_snapshot(Isolate* isolate) {
  return isolate->GetHeapProfiler()->TakeHeapSnapshot();
}

}  // namespace

extern "C" {

// out (14): total, total_executable, total_physical, total_available, used, limit,
// malloced, peak_malloced, does_zap_garbage, native_contexts, detached_contexts,
// total_global_handles, used_global_handles, external
void v8__Heap__Statistics(Isolate* isolate, double* out) {
  HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  const size_t values[] = {
      s.total_heap_size(), s.total_heap_size_executable(), s.total_physical_size(),
      s.total_available_size(), s.used_heap_size(), s.heap_size_limit(),
      s.malloced_memory(), s.peak_malloced_memory(), s.does_zap_garbage(),
      s.number_of_native_contexts(), s.number_of_detached_contexts(),
      s.total_global_handles_size(), s.used_global_handles_size(), s.external_memory(),
  };
  for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) out[i] = static_cast<double>(values[i]);
}

size_t v8__Heap__NumberOfSpaces(Isolate* isolate) { return isolate->NumberOfHeapSpaces(); }

// Space `index`: its name (static, V8's) and out (4): size, used, available, physical.
const char* v8__Heap__SpaceStatistics(Isolate* isolate, size_t index, double* out) {
  HeapSpaceStatistics s;
  if (!isolate->GetHeapSpaceStatistics(&s, index)) return nullptr;
  out[0] = static_cast<double>(s.space_size());
  out[1] = static_cast<double>(s.space_used_size());
  out[2] = static_cast<double>(s.space_available_size());
  out[3] = static_cast<double>(s.physical_space_size());
  return s.space_name();
}

// out (4): code_and_metadata, bytecode_and_metadata, external_script_source,
// cpu_profiler_metadata
void v8__Heap__CodeStatistics(Isolate* isolate, double* out) {
  HeapCodeStatistics s;
  isolate->GetHeapCodeAndMetadataStatistics(&s);
  out[0] = static_cast<double>(s.code_and_metadata_size());
  out[1] = static_cast<double>(s.bytecode_and_metadata_size());
  out[2] = static_cast<double>(s.external_script_source_size());
  out[3] = static_cast<double>(s.cpu_profiler_metadata_size());
}

void v8__V8__SetFlagsFromString(const char* flags, size_t len) { V8::SetFlagsFromString(flags, len); }

uint32_t v8__ScriptCompiler__CachedDataVersionTag() { return ScriptCompiler::CachedDataVersionTag(); }

// Writes a snapshot to `path`; false (errno set) if the file could not be written.
bool v8__Heap__WriteSnapshot(Isolate* isolate, const char* path) {
  FILE* file = fopen(path, "w");
  if (file == nullptr) return false;
  const HeapSnapshot* snap = take_snapshot(isolate);
  SnapshotSink sink(file);
  snap->Serialize(&sink, HeapSnapshot::kJSON);
  const_cast<HeapSnapshot*>(snap)->Delete();
  bool ok = ferror(file) == 0;
  return fclose(file) == 0 && ok;
}

// A snapshot's JSON (ASCII), handed to `take(ctx, bytes, len)` before it is freed.
void v8__Heap__Snapshot(Isolate* isolate, void (*take)(void*, const char*, size_t), void* ctx) {
  const HeapSnapshot* snap = take_snapshot(isolate);
  SnapshotSink sink(nullptr);
  snap->Serialize(&sink, HeapSnapshot::kJSON);
  const_cast<HeapSnapshot*>(snap)->Delete();
  take(ctx, sink.text().data(), sink.text().size());
}

// ---- The young generation's growth -----------------------------------------
// V8 grows the young generation by --semi-space-growth-factor (up to its cap) once
// as many bytes have survived scavenges since the last growth as it holds, and it
// reads the factor at each growth. src/runtime/young_gen.rs picks the factor after
// each scavenge from what that scavenge kept; it is written here directly, not
// through V8::SetFlagsFromString, which also resets V8's flag hash and so would
// make V8 refuse code caches made under the old one.
typedef void (*coil_scavenge_cb)(double capacity, double before, double survived);
static thread_local coil_scavenge_cb g_scavenge_cb = nullptr;
static thread_local size_t g_new_space = SIZE_MAX;
static thread_local size_t g_old_space = SIZE_MAX;
static thread_local double g_new_before = 0;
static thread_local double g_old_before = 0;

static double space_used(Isolate* isolate, size_t index, double* available) {
  HeapSpaceStatistics s;
  if (index == SIZE_MAX || !isolate->GetHeapSpaceStatistics(&s, index)) return 0;
  if (available != nullptr) *available = static_cast<double>(s.space_available_size());
  return static_cast<double>(s.space_used_size());
}

static void scavenge_prologue(Isolate* isolate, GCType, GCCallbackFlags) {
  g_new_before = space_used(isolate, g_new_space, nullptr);
  g_old_before = space_used(isolate, g_old_space, nullptr);
}

// What survived: what is left in the young generation, and what was promoted
// into the old one (its growth over the scavenge).
static void scavenge_epilogue(Isolate* isolate, GCType, GCCallbackFlags) {
  double available = 0;
  double kept = space_used(isolate, g_new_space, &available);
  double promoted = space_used(isolate, g_old_space, nullptr) - g_old_before;
  g_scavenge_cb(kept + available, g_new_before, kept + (promoted > 0 ? promoted : 0));
}

void v8__Heap__WatchScavenges(Isolate* isolate, coil_scavenge_cb cb) {
  for (size_t i = 0; i < isolate->NumberOfHeapSpaces(); i++) {
    HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    if (strcmp(s.space_name(), "new_space") == 0) g_new_space = i;
    if (strcmp(s.space_name(), "old_space") == 0) g_old_space = i;
  }
  g_scavenge_cb = cb;
  isolate->AddGCPrologueCallback(scavenge_prologue, kGCTypeScavenge);
  isolate->AddGCEpilogueCallback(scavenge_epilogue, kGCTypeScavenge);
}

void v8__Heap__SetYoungGrowthFactor(int factor) { v8::internal::FLAG_semi_space_growth_factor = factor; }

// A scavenge now (young_gen.rs: when ArrayBuffer memory piles up faster than the
// young generation fills). V8 10.2's API offers one only for tests and refuses it
// unless --expose-gc is set, so the flag is on for this call alone. V8 reads it
// otherwise only when it makes a context (to install `gc`), which cannot happen on
// this thread during the call, and young_gen.rs calls this only in a process that
// never started a worker (another thread that could make one).
void v8__Heap__RequestScavenge(Isolate* isolate) {
  bool was = v8::internal::FLAG_expose_gc;
  v8::internal::FLAG_expose_gc = true;
  isolate->RequestGarbageCollectionForTesting(Isolate::kMinorGarbageCollection);
  v8::internal::FLAG_expose_gc = was;
}

}  // extern "C"
