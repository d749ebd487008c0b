// Build-time tool (built and run by build.rs, never part of coil): compiles each
// lib/ built-in exactly as coil does at run time (same wrapper parameters, same V8
// flags) but eagerly, and writes V8's code cache for it. coil embeds the caches and
// hands them to ScriptCompiler::CompileFunction, so start-up deserializes bytecode
// instead of parsing. V8 checks a cache against its version, flags and source and
// rejects a stale one, which then costs only a normal compile.
//
// usage: mkcodecache FLAGS MANIFEST OUTDIR
//   MANIFEST: one "id<TAB>source path<TAB>comma-separated parameters" per line;
//   writes OUTDIR/<line number>.bin (empty when the source does not compile).
#include <libplatform/libplatform.h>
#include <v8.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace v8;

static std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

static bool is_ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: mkcodecache FLAGS MANIFEST OUTDIR\n");
    return 2;
  }
  std::string flags = argv[1];
  V8::SetFlagsFromString(flags.c_str(), flags.size());
  std::unique_ptr<Platform> platform = platform::NewDefaultPlatform();
  V8::InitializePlatform(platform.get());
  V8::Initialize();
  std::unique_ptr<ArrayBuffer::Allocator> allocator(ArrayBuffer::Allocator::NewDefaultAllocator());
  Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  Isolate* isolate = Isolate::New(params);
  int failures = 0;
  {
    Isolate::Scope isolate_scope(isolate);
    HandleScope handle_scope(isolate);
    Local<Context> context = Context::New(isolate);
    Context::Scope context_scope(context);

    std::ifstream manifest(argv[2]);
    std::string line;
    for (int n = 0; std::getline(manifest, line); n++) {
      HandleScope scope(isolate);
      std::vector<std::string> fields = split(line, '\t');
      if (fields.size() != 3) return 2;
      std::ifstream file(fields[1], std::ios::binary);
      std::stringstream text;
      text << file.rdbuf();
      std::string code = text.str();
      // The same kind of string coil makes (one-byte for ASCII), so the same source.
      Local<String> source =
          is_ascii(code)
              ? String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(code.data()),
                                       NewStringType::kNormal, static_cast<int>(code.size()))
                    .ToLocalChecked()
              : String::NewFromUtf8(isolate, code.data(), NewStringType::kNormal,
                                    static_cast<int>(code.size()))
                    .ToLocalChecked();
      std::vector<Local<String>> names;
      for (const std::string& p : split(fields[2], ',')) {
        if (p.empty()) continue;  // a wrapper without parameters
        names.push_back(String::NewFromUtf8(isolate, p.c_str(), NewStringType::kInternalized).ToLocalChecked());
      }
      std::string id = "node:" + fields[0];
      ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, id.c_str()).ToLocalChecked());
      ScriptCompiler::Source src(source, origin);
      Local<Function> fn;
      std::string data;
      if (ScriptCompiler::CompileFunction(context, &src, names.size(), names.data(), 0, nullptr,
                                         ScriptCompiler::kEagerCompile)
              .ToLocal(&fn)) {
        std::unique_ptr<ScriptCompiler::CachedData> cache(ScriptCompiler::CreateCodeCacheForFunction(fn));
        data.assign(reinterpret_cast<const char*>(cache->data), cache->length);
      } else {
        failures++;
      }
      std::ofstream out(std::string(argv[3]) + "/" + std::to_string(n) + ".bin", std::ios::binary);
      out << data;
    }
  }
  isolate->Dispose();
  if (failures > 0) std::fprintf(stderr, "mkcodecache: %d sources did not compile\n", failures);
  return 0;
}
