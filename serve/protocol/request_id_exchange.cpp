#include "serve/protocol/request_id_exchange.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace headroom::serve {

RequestIdExchange::RequestIdExchange(std::shared_ptr<net::HttpExchange> inner, std::string requestId)
    : inner_(std::move(inner)), requestId_(std::move(requestId)) {}

void RequestIdExchange::stamp(net::HttpHeaders& headers) const {
  std::erase_if(headers, [](const auto& header) {
    const std::string& name = header.first;
    return name.size() == 12 && std::equal(name.begin(), name.end(), "x-request-id", [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  });
  headers.emplace_back("X-Request-Id", requestId_);
}

void RequestIdExchange::respond(net::HttpResponse response) {
  stamp(response.headers);
  inner_->respond(std::move(response));
}

void RequestIdExchange::startStream(int status, net::HttpHeaders headers) {
  stamp(headers);
  inner_->startStream(status, std::move(headers));
}

}  // namespace headroom::serve
