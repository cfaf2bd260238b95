#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace headroom::serve {

// Splits a text/event-stream body into the data of its events, however the bytes were cut into pieces:
// "data:" lines of one event are joined with "\n", an event ends at a blank line, comments (":") and
// other fields are skipped, CRLF and LF both end a line. Not thread-safe.
class SseDecoder {
 public:
  // Feeds more bytes; returns the data of every event they completed, in order.
  std::vector<std::string> feed(std::string_view bytes);

  static constexpr std::size_t kMaxEventBytes = 64 * 1024 * 1024;

 private:
  void line(std::string_view text, std::vector<std::string>& out);

  std::string pending_;  // bytes of an unfinished line
  std::string data_;     // data of the event being read
  bool hasData_ = false;
};

}  // namespace headroom::serve
