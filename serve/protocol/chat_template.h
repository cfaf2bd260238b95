#pragma once

#include <string>
#include <vector>

namespace headroom::serve {

// One message of a chat completion request, its content parts joined.
struct ChatMessage {
  std::string role;
  std::string content;
};

// The prompt a computing executor sees for a chat: each message as "<|ROLE|>\n" CONTENT "\n", then
// "<|assistant|>\n" for the reply. Byte-tokenised like any text (the markers are plain bytes, so any
// weights accept them); a BOS token goes in front.
std::string renderChatPrompt(const std::vector<ChatMessage>& messages);

}  // namespace headroom::serve
