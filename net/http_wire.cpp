#include "net/http_wire.h"

#include <cctype>
#include <cstdio>


namespace headroom::net {

namespace {

bool framingHeader(std::string_view name) {
  auto equals = [&](std::string_view other) {
    if (name.size() != other.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(name[i])) != other[i]) return false;
    }
    return true;
  };
  return equals("content-length") || equals("transfer-encoding") || equals("connection");
}

// Header names and values may not carry CR or LF (response splitting).
void appendClean(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
}

void appendHead(std::string& out, int status, const HttpHeaders& headers) {
  out += "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += reasonPhrase(status);
  out += "\r\nServer: headroom\r\n";
  for (const auto& [name, value] : headers) {
    if (framingHeader(name)) continue;
    appendClean(out, name);
    out += ": ";
    appendClean(out, value);
    out += "\r\n";
  }
}

}  // namespace

std::string_view reasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
  }
}

std::string formatResponse(int status, const HttpHeaders& headers, std::string_view body, bool keepAlive) {
  std::string out;
  out.reserve(160 + body.size());
  appendHead(out, status, headers);
  out += "Content-Length: ";
  out += std::to_string(body.size());
  out += keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
  out += body;
  return out;
}

std::string formatStreamHead(int status, const HttpHeaders& headers, bool chunked, bool keepAlive) {
  std::string out;
  appendHead(out, status, headers);
  if (chunked) out += "Transfer-Encoding: chunked\r\n";
  out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  return out;
}

std::string formatChunk(std::string_view data) {
  char size[20];
  const int length = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  std::string out;
  out.reserve(static_cast<std::size_t>(length) + data.size() + 2);
  out.append(size, static_cast<std::size_t>(length));
  out += data;
  out += "\r\n";
  return out;
}

}  // namespace headroom::net
