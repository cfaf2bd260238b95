#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace headroom::serve {

// Finds the first of a request's stop strings in its generated text as the text streams in. Text that
// could be the start of a stop string is held back until it is known not to be; once a stop string
// appears, the text before it is released and the rest (the stop string included) is dropped, as the
// OpenAI API does. One request's state; not thread-safe.
class StopMatcher {
 public:
  StopMatcher() = default;
  explicit StopMatcher(std::vector<std::string> stops);

  struct Step {
    std::string text;  // safe to send now
    bool stopped = false;
  };
  // Adds generated text. After a stop, further text is ignored.
  Step push(std::string_view text);
  // The text still held back, at the end of generation.
  std::string flush();
  bool stopped() const { return stopped_; }

 private:
  std::vector<std::string> stops_;
  std::string held_;
  bool stopped_ = false;
};

}  // namespace headroom::serve
