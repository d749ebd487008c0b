// The C side of src/v8/heap.rs: what node's `v8` module reports about the heap
// (statistics of the whole heap, of each space, of code), V8's flags at run time,
// the code-cache version tag, and heap snapshots serialized as JSON.
#include <v8.h>
#include <v8-profiler.h>

#include <cstdio>
#include <cstring>
#include <string>

using namespace v8;

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

}  // extern "C"
