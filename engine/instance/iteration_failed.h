#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/request.h"

namespace headroom::engine {

// Thrown by Instance::startIteration when the executor failed on a batch (a request it cannot run, a
// device error). Before it is thrown the instance has already taken the batch's requests out (their KV
// blocks freed, the executor told to forget them, no observer event) and stays usable: the other
// requests and new ones go on. `requests()` are the ids of the failed batch; what() is the executor's
// message.
class IterationFailed : public std::runtime_error {
 public:
  IterationFailed(std::vector<RequestId> requests, const std::string& message)
      : std::runtime_error(message), requests_(std::move(requests)) {}

  const std::vector<RequestId>& requests() const { return requests_; }

 private:
  std::vector<RequestId> requests_;
};

}  // namespace headroom::engine
