#include "engine/pool/finish_prediction.h"

#include <algorithm>
#include <cstdint>

#include "engine/exec/batch_shape.h"

namespace headroom::engine {

namespace {

// The status says how many decodes run and how many prompt tokens wait, not how long each context is.
// The estimate takes the requests around this one to be like it: a running decode is halfway through
// an answer as long as this one's, after a prompt as long as this one's; a queued prompt is chunked
// like this one's, so a chunk's mean cached context is half the prompt less half a chunk.
struct ContextEstimate {
  std::int64_t decode = 0;  // cached tokens of a running decode
  std::int64_t chunk = 0;   // cached tokens before a prefill chunk
};

ContextEstimate estimateContext(const Request& request, std::int32_t chunkTokens) {
  ContextEstimate context;
  context.decode = std::int64_t{request.promptTokens} + request.outputTokens / 2;
  context.chunk = std::max<std::int64_t>(0, (std::int64_t{request.promptTokens} - chunkTokens) / 2);
  return context;
}

// One iteration: a prefill chunk of `chunk` tokens (none when 0) beside `decodes` decodes.
BatchShape iterationShape(std::int32_t chunk, std::int64_t chunkContext, std::int32_t decodes,
                          std::int64_t decodeContext) {
  BatchShape shape;
  if (chunk > 0) shape.addPrefill(chunk, chunkContext);
  shape.decodeTokens = decodes;
  shape.decodeKvTokens = std::int64_t{decodes} * (decodeContext + 1);
  return shape;
}

}  // namespace

PredictedFinish predictFinish(const InstanceStatus& status, const IterationTimeModel& model, const Request& request) {
  const std::int32_t prompt = std::max(request.promptTokens, 1);
  // The whole prompt in one iteration when the chunking sets no budget.
  const std::int32_t chunk = status.tokenBudget > 0 ? status.tokenBudget : prompt;
  const ContextEstimate context = estimateContext(request, chunk);
  const std::int32_t runningDecodes = std::max(status.load.decoding, 0);

  // Prefill: everything queued ahead, then this prompt, in full chunks and one remainder, each beside
  // the decodes running now.
  const std::int64_t prefillTokens = std::max<std::int64_t>(status.queuedPrefillTokens, 0) + prompt;
  const std::int64_t fullChunks = prefillTokens / chunk;
  const auto remainder = static_cast<std::int32_t>(prefillTokens % chunk);
  Duration firstToken{};
  if (fullChunks > 0) {
    firstToken += fullChunks * model.predict(iterationShape(chunk, context.chunk, runningDecodes, context.decode));
  }
  if (remainder > 0) {
    firstToken += model.predict(iterationShape(remainder, context.chunk, runningDecodes, context.decode));
  }

  // Decode: it joins the decodes running now and the prompts being prefilled (they decode by then).
  const std::int32_t joinedBatch = runningDecodes + std::max(status.load.prefilling, 0) + 1;
  PredictedFinish predicted;
  predicted.firstToken = firstToken;
  if (request.outputTokens > 1) {
    predicted.decodeStep = model.predict(iterationShape(0, 0, joinedBatch, context.decode));
    predicted.lastToken = firstToken + (request.outputTokens - 1) * predicted.decodeStep;
  } else {
    predicted.lastToken = firstToken;
  }
  return predicted;
}

double deadlineSlack(const Slo& slo, const PredictedFinish& predicted) {
  double slack = std::numeric_limits<double>::infinity();
  const auto share = [&slack](const std::optional<Duration>& bound, Duration value) {
    if (!bound || bound->count() <= 0) return;
    const auto boundUs = static_cast<double>(bound->count());
    slack = std::min(slack, (boundUs - static_cast<double>(value.count())) / boundUs);
  };
  share(slo.ttft, predicted.firstToken);
  share(slo.ttlt, predicted.lastToken);
  if (predicted.lastToken > predicted.firstToken) share(slo.tbt, predicted.decodeStep);
  return slack;
}

}  // namespace headroom::engine
