#include "serve/protocol/sse_decoder.h"

#include <stdexcept>

namespace headroom::serve {

std::vector<std::string> SseDecoder::feed(std::string_view bytes) {
  std::vector<std::string> out;
  pending_.append(bytes);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = pending_.find('\n', start);
    if (end == std::string::npos) break;
    std::string_view text(pending_.data() + start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line(text, out);
    start = end + 1;
  }
  pending_.erase(0, start);
  if (pending_.size() + data_.size() > kMaxEventBytes) throw std::length_error("an SSE event is larger than 64 MiB");
  return out;
}

void SseDecoder::line(std::string_view text, std::vector<std::string>& out) {
  if (text.empty()) {
    if (hasData_) out.push_back(std::move(data_));
    data_.clear();
    hasData_ = false;
    return;
  }
  if (text.front() == ':') return;
  const std::size_t colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  if (field != "data") return;
  std::string_view value = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (hasData_) data_ += '\n';
  data_.append(value);
  hasData_ = true;
}

}  // namespace headroom::serve
