// The C entry points internalBinding('url') (src/binding/url.rs) calls into ada, the
// WHATWG URL parser Node uses (vendored in third_party/ada). build.rs compiles ada
// and this file with `ada` renamed to `coil_ada` and hidden visibility, so this copy
// never meets the older one libnode exports.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "ada.h"

namespace {

// The last result, kept so its href can be read after the call returns.
thread_local std::optional<ada::url_aggregator> current;
// `new URL(path, base)` mostly repeats a few bases (a server's own origin, a
// page's URL): the last four parses are kept with their text, the oldest replaced.
struct ParsedBase {
  std::string text;
  std::optional<ada::url_aggregator> url;
};
thread_local ParsedBase bases[4];
thread_local unsigned next_base = 0;

const ada::url_aggregator* parsed_base(const char* base, size_t base_len) {
  std::string_view text(base, base_len);
  for (ParsedBase& b : bases) {
    if (b.url && b.text == text) return &*b.url;
  }
  auto parsed = ada::parse<ada::url_aggregator>(text, nullptr);
  if (!parsed) return nullptr;  // an unparsable base is not kept
  ParsedBase& slot = bases[next_base];
  next_base = (next_base + 1) % 4;
  slot.text.assign(text);
  slot.url = std::move(*parsed);
  return &*slot.url;
}

// Writes the offsets of `current` into out[0..8] and its href into *href/*len.
void publish(uint32_t* out, const char** href, size_t* len) {
  const ada::url_components& c = current->get_components();
  out[0] = c.protocol_end;
  out[1] = c.username_end;
  out[2] = c.host_start;
  out[3] = c.host_end;
  out[4] = c.port;
  out[5] = c.pathname_start;
  out[6] = c.search_start;
  out[7] = c.hash_start;
  std::string_view h = current->get_href();
  *href = h.data();
  *len = h.size();
}

}  // namespace

extern "C" {

// Parses input (against base when has_base); false when either is not a URL.
bool coil_url_parse(const char* input, size_t input_len, const char* base, size_t base_len,
                    bool has_base, uint32_t* out, const char** href, size_t* len) {
  const ada::url_aggregator* b = nullptr;
  if (has_base) {
    b = parsed_base(base, base_len);
    if (b == nullptr) return false;
  }
  auto parsed = ada::parse<ada::url_aggregator>(std::string_view(input, input_len), b);
  if (!parsed) return false;
  current = std::move(*parsed);
  publish(out, href, len);
  return true;
}

bool coil_url_can_parse(const char* input, size_t input_len, const char* base, size_t base_len,
                        bool has_base) {
  if (!has_base) return ada::can_parse(std::string_view(input, input_len));
  const ada::url_aggregator* b = parsed_base(base, base_len);
  return b != nullptr &&
         ada::parse<ada::url_aggregator>(std::string_view(input, input_len), b).has_value();
}

// Applies one setter (numbered as in lib/internal/url.js) to the URL `href`; false
// when href is not a URL or the setter refused the value.
bool coil_url_update(const char* href_in, size_t href_len, int part, const char* value,
                     size_t value_len, uint32_t* out, const char** href, size_t* len) {
  auto parsed = ada::parse<ada::url_aggregator>(std::string_view(href_in, href_len), nullptr);
  if (!parsed) return false;
  current = std::move(*parsed);
  std::string_view v(value, value_len);
  bool ok = true;
  switch (part) {
    case 0: ok = current->set_href(v); break;
    case 1: ok = current->set_protocol(v); break;
    case 2: ok = current->set_username(v); break;
    case 3: ok = current->set_password(v); break;
    case 4: ok = current->set_host(v); break;
    case 5: ok = current->set_hostname(v); break;
    case 6: ok = current->set_port(v); break;
    case 7: ok = current->set_pathname(v); break;
    case 8: current->set_search(v); break;
    case 9: current->set_hash(v); break;
    default: ok = false;
  }
  if (ok) publish(out, href, len);
  return ok;
}

}  // extern "C"
