#pragma once

#include <cstdint>
#include <string>

#include "engine/exec/iteration_time_model.h"
#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// Predicts an iteration's duration from its BatchShape by summing, per tensor-parallel GPU:
//  - overheads: a fixed cost per iteration, a cost per sequence, and a cost once per iteration that
//    carries prefill work (eager launch and input preparation of mixed batches);
//  - the decoder layers' four projections, each a GEMM costed as
//      max(mem, compute) + unhidden * min(mem, compute),
//    mem = (weights + activations in and out) / (HBM bandwidth x bandwidth efficiency),
//    compute = 2 x tile-rounded tokens x weights / (peak x compute efficiency);
//    the token count is rounded up to the GEMM row tile (257 tokens cost about as much as 384), plus the
//    element-wise traffic (norms, residual adds, rotary embedding, activation);
//  - attention: prefill costs the FLOPs of its query-key pairs (4 x heads x head_dim per pair per
//    layer) or reading its KV tokens, whichever is larger; decodes cost reading their KV tokens;
//  - the LM head, a GEMM over the sequences that sample a token (every decode and every prefill chunk);
//  - with tensor parallelism, weights, heads and KV are split and each layer adds two all-reduces of
//    the batch's hidden states (ring: 2 (tp - 1) / tp of the bytes over the bus bandwidth, plus latency).
//
// Calibration (resources/hardware/*.json "source" fields carry the details):
//  - the projection part of a100-80g is fitted to Vidur's measured A100 Llama-3-8B linear operators
//    (3.7% mean error from 1 to 4,096 tokens, within 5% at the 1/64/256/320/2048/4096 anchors),
//    h100-sxm's to Vidur's H100 Llama-2-7B operators (4.9% mean error);
//  - the overheads and attention are set so that an A100-80G Llama-3-8B iteration gives about 6,800
//    prefill tokens/s at a 330-token chunk over ~1,000 cached tokens and saturates near 2,500-token
//    chunks at about twice the 256-token throughput (QoServe), and a Llama-3-8B decode step at batch 1
//    takes about 5 ms on an H100 (vLLM V1). The H100 anchor needs more bandwidth efficiency than Vidur's
//    H100 profile shows at a handful of tokens (its single-token layers are ~20% slower than the whole
//    vLLM step allows); the model follows the end-to-end anchor there. The overheads are host-side, so
//    every profile uses the same values.
// Immutable after construction; safe to call from any thread.
class RooflineModel final : public IterationTimeModel {
 public:
  // Throws std::invalid_argument when `tensorParallel` does not split the model evenly.
  RooflineModel(ModelShape model, HardwareProfile hardware, int tensorParallel);

  // The predicted time split into its parts, in seconds.
  struct Breakdown {
    double overheadS = 0.0;
    double linearS = 0.0;
    double attentionS = 0.0;
    double lmHeadS = 0.0;
    double allReduceS = 0.0;
    double totalS() const { return overheadS + linearS + attentionS + lmHeadS + allReduceS; }
  };

  Duration predict(const BatchShape& shape) const override;
  std::string describe() const override;
  Breakdown breakdown(const BatchShape& shape) const;

  const ModelShape& model() const { return model_; }
  const HardwareProfile& hardware() const { return hardware_; }
  int tensorParallel() const { return tensorParallel_; }

  // The row count a GEMM over `tokens` rows is costed at with row tile `tile` (see HardwareProfile).
  static std::int64_t tileRoundedTokens(std::int64_t tokens, std::int32_t tile);

 private:
  double gemmS(std::int64_t tokens, std::int64_t inputs, std::int64_t outputs) const;
  double linearS(std::int64_t tokens) const;

  ModelShape model_;
  HardwareProfile hardware_;
  int tensorParallel_;
  double bandwidthBytesPerS_;        // effective HBM bandwidth
  double flopsPerS_;                 // effective GEMM compute
  double attentionFlopsPerS_;        // effective attention compute
  double kvBytesPerTokenPerGpu_;     // K and V of one token, all layers, one GPU's heads
  double attentionFlopsPerPair_;     // all layers, one GPU's heads
  double elementwiseBytesPerToken_;  // all layers, one GPU
};

}  // namespace headroom::engine
