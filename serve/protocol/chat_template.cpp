#include "serve/protocol/chat_template.h"

namespace headroom::serve {

std::string renderChatPrompt(const std::vector<ChatMessage>& messages) {
  std::string prompt;
  for (const ChatMessage& message : messages) {
    prompt += "<|";
    prompt += message.role;
    prompt += "|>\n";
    prompt += message.content;
    prompt += "\n";
  }
  prompt += "<|assistant|>\n";
  return prompt;
}

}  // namespace headroom::serve
