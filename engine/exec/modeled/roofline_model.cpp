#include "engine/exec/modeled/roofline_model.h"

#include <algorithm>
#include <utility>

namespace headroom::engine {

RooflineModel::RooflineModel(ModelShape model, HardwareProfile hardware, int tensorParallel)
    : model_(std::move(model)), hardware_(std::move(hardware)), tensorParallel_(tensorParallel) {
  checkTensorParallel(model_, tensorParallel_);
  const double tp = tensorParallel_;
  bandwidthBytesPerS_ = hardware_.hbmBandwidthBytesPerS * hardware_.bandwidthEfficiency;
  flopsPerS_ = hardware_.peakFlopsPerS * hardware_.computeEfficiency;
  attentionFlopsPerS_ = hardware_.peakFlopsPerS * hardware_.attentionComputeEfficiency;
  const int kvHeadsPerGpu = std::max(1, model_.kvHeads / tensorParallel_);
  kvBytesPerTokenPerGpu_ =
      static_cast<double>(model_.kvBytesPerToken()) * kvHeadsPerGpu / static_cast<double>(model_.kvHeads);
  attentionFlopsPerPair_ = 4.0 * static_cast<double>(model_.attentionWidth()) / tp * model_.layers;
  const double hidden = model_.hiddenSize;
  const double valuesPerLayer =
      2.0 * 2.0 * hidden                                                      // two norms, in and out
      + 2.0 * 3.0 * hidden                                                    // two residual adds
      + 2.0 * (model_.attentionHeads + model_.kvHeads) * model_.headDim / tp  // rotary
      + 3.0 * model_.intermediateSize / tp;                                   // gated activation
  elementwiseBytesPerToken_ = valuesPerLayer * model_.bytesPerParameter * model_.layers;
}

std::int64_t RooflineModel::tileRoundedTokens(std::int64_t tokens, std::int32_t tile) {
  if (tokens <= 0) return 0;
  if (tokens > tile) return (tokens + tile - 1) / tile * tile;
  if (tokens > tile / 2) return tile;
  std::int64_t rows = 16;
  while (rows < tokens) rows *= 2;
  return rows;
}

double RooflineModel::gemmS(std::int64_t tokens, std::int64_t inputs, std::int64_t outputs) const {
  if (tokens <= 0) return 0.0;
  const double weights = static_cast<double>(inputs) * static_cast<double>(outputs);
  const double bytes = (weights + static_cast<double>(tokens) * static_cast<double>(inputs + outputs)) *
                       model_.bytesPerParameter;
  const double memS = bytes / bandwidthBytesPerS_;
  const double rows = static_cast<double>(tileRoundedTokens(tokens, hardware_.gemmTileTokens));
  const double computeS = 2.0 * rows * weights / flopsPerS_;
  return std::max(memS, computeS) + hardware_.gemmUnhiddenFraction * std::min(memS, computeS);
}

double RooflineModel::linearS(std::int64_t tokens) const {
  if (tokens <= 0) return 0.0;
  const std::int64_t tp = tensorParallel_;
  const std::int64_t hidden = model_.hiddenSize;
  const std::int64_t mlp = model_.intermediateSize / tp;
  const double perLayer = gemmS(tokens, hidden, model_.qkvWidth() / tp) +
                          gemmS(tokens, model_.attentionWidth() / tp, hidden) +
                          gemmS(tokens, hidden, 2 * mlp) + gemmS(tokens, mlp, hidden);
  return perLayer * model_.layers +
         static_cast<double>(tokens) * elementwiseBytesPerToken_ / bandwidthBytesPerS_;
}

RooflineModel::Breakdown RooflineModel::breakdown(const BatchShape& shape) const {
  Breakdown parts;
  if (shape.empty()) return parts;
  const std::int64_t tokens = shape.batchTokens();
  const std::int64_t sequences = shape.sequences();

  parts.overheadS = toSeconds(hardware_.iterationOverhead) +
                    toSeconds(hardware_.sequenceOverhead) * static_cast<double>(sequences) +
                    (shape.prefillTokens > 0 ? toSeconds(hardware_.prefillOverhead) : 0.0);
  parts.linearS = linearS(tokens);

  if (shape.prefillTokens > 0) {
    const double computeS =
        static_cast<double>(shape.prefillAttentionPairs) * attentionFlopsPerPair_ / attentionFlopsPerS_;
    const double readS =
        static_cast<double>(shape.prefillKvTokens) * kvBytesPerTokenPerGpu_ / bandwidthBytesPerS_;
    parts.attentionS += std::max(computeS, readS);
  }
  if (shape.decodeTokens > 0) {
    const double computeS =
        static_cast<double>(shape.decodeKvTokens) * attentionFlopsPerPair_ / attentionFlopsPerS_;
    const double readS =
        static_cast<double>(shape.decodeKvTokens) * kvBytesPerTokenPerGpu_ / bandwidthBytesPerS_;
    parts.attentionS += std::max(computeS, readS);
  }

  parts.lmHeadS = gemmS(sequences, model_.hiddenSize, model_.vocabSize / tensorParallel_);

  if (tensorParallel_ > 1) {
    const double tp = tensorParallel_;
    const double bytes = static_cast<double>(tokens) * model_.hiddenSize * model_.bytesPerParameter;
    const double oneS = toSeconds(hardware_.allReduceLatency) +
                        2.0 * (tp - 1.0) / tp * bytes / hardware_.allReduceBusBandwidthBytesPerS;
    parts.allReduceS = 2.0 * model_.layers * oneS;
  }
  return parts;
}

Duration RooflineModel::predict(const BatchShape& shape) const {
  if (shape.empty()) return Duration::zero();
  return std::max(Duration{1}, durationFromSeconds(breakdown(shape).totalS()));
}

std::string RooflineModel::describe() const {
  return "roofline " + model_.name + " on " + hardware_.name + " (tp " + std::to_string(tensorParallel_) +
         ")";
}

}  // namespace headroom::engine
