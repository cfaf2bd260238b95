#pragma once

#include <string>
#include <string_view>

#include "net/http_message.h"

namespace headroom::net {

// HTTP/1.1 bytes as the server writes them. Content-Length, Transfer-Encoding and Connection are set
// here; a handler's own values for them are dropped.
std::string formatResponse(int status, const HttpHeaders& headers, std::string_view body, bool keepAlive);
// The head of a streamed response: chunked when `chunked`, else delimited by closing the connection.
std::string formatStreamHead(int status, const HttpHeaders& headers, bool chunked, bool keepAlive);
std::string formatChunk(std::string_view data);
inline constexpr std::string_view kLastChunk = "0\r\n\r\n";

std::string_view reasonPhrase(int status);

}  // namespace headroom::net
