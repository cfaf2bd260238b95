#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace headroom::engine {

// A small multi-layer perceptron: dense layers with ReLU between them and a linear output. Parameters
// live in one flat vector, layer by layer: the weights (outputs x inputs, row-major), then the biases.
// Double precision throughout (the networks are small; finite-difference checks stay exact enough).
// A value type (copyable); not thread-safe: one thread uses one network.
class Mlp {
 public:
  // `layerSizes` = {inputs, hidden..., outputs}, at least two entries, each >= 1. Weights start
  // He-uniform from `seed`, biases at 0.
  Mlp(std::vector<std::int32_t> layerSizes, std::uint64_t seed);
  // A network with the given parameters; throws std::invalid_argument when their count does not match.
  Mlp(std::vector<std::int32_t> layerSizes, std::vector<double> parameters);
  Mlp(const Mlp& other);
  Mlp& operator=(const Mlp& other);
  Mlp(Mlp&&) noexcept;
  Mlp& operator=(Mlp&&) noexcept;
  ~Mlp();

  const std::vector<std::int32_t>& layerSizes() const;
  std::int32_t inputs() const;
  std::int32_t outputs() const;
  static std::size_t parameterCount(const std::vector<std::int32_t>& layerSizes);

  std::span<const double> parameters() const;
  std::span<double> parameters();

  // One input (inputs() values) to outputs() values in `output`. Allocates nothing after the first call.
  void forward(std::span<const double> input, std::span<double> output) const;
  // `batch` inputs (row-major, batch x inputs()) to outputs (batch x outputs()).
  void forwardBatch(std::span<const double> inputs, std::int32_t batch, std::span<double> outputs) const;
  // The gradient of a loss with respect to the parameters (same layout as parameters()), given the loss's
  // gradient with respect to the outputs of the same batch (batch x outputs(), row-major). Summed over the
  // batch.
  void gradient(std::span<const double> inputs, std::int32_t batch, std::span<const double> outputGradient,
                std::span<double> parameterGradient) const;
  // The same for the batch of the last forwardBatch call (its activations are kept), without running it
  // forward again.
  void backward(std::span<const double> outputGradient, std::span<double> parameterGradient) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adam (Kingma and Ba) over a flat parameter vector.
struct AdamSettings {
  double learningRate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
};

class Adam {
 public:
  Adam(std::size_t parameters, AdamSettings settings);
  // parameters -= step from `gradient` (same size).
  void step(std::span<double> parameters, std::span<const double> gradient);
  std::int64_t steps() const { return steps_; }

 private:
  AdamSettings settings_;
  std::vector<double> m_;
  std::vector<double> v_;
  std::int64_t steps_ = 0;
};

// Double DQN settings. `gamma` discounts the next decision's value; epsilon falls linearly from
// epsilonStart to epsilonEnd over epsilonDecayDecisions decisions.
struct DqnSettings {
  std::vector<std::int32_t> hiddenLayers{64, 64};
  double gamma = 0.5;
  AdamSettings adam{5e-4};
  double huberDelta = 1.0;
  std::int32_t batchSize = 32;
  std::int32_t replayCapacity = 50'000;
  std::int32_t trainEvery = 4;            // transitions between gradient steps
  std::int32_t targetSyncEvery = 500;     // gradient steps between copies to the target network
  std::int32_t warmupTransitions = 1'000; // transitions held before the first gradient step
  double epsilonStart = 1.0;
  double epsilonEnd = 0.05;
  std::int64_t epsilonDecayDecisions = 100'000;
};

// Double DQN (van Hasselt et al.): an online and a target Q-network, experience replay in a fixed-size
// ring, Huber loss, epsilon-greedy exploration with a linear schedule, and an action mask: a masked
// action is never chosen and never taken as the best next action in a target. Deterministic for a seed
// (its own Rng). Not thread-safe.
class DoubleDqn {
 public:
  // A mask holds one byte per action, non-zero = allowed; at least one must be allowed.
  using Mask = std::span<const std::uint8_t>;

  DoubleDqn(std::int32_t stateSize, std::int32_t actions, DqnSettings settings, std::uint64_t seed);
  ~DoubleDqn();
  DoubleDqn(const DoubleDqn&) = delete;
  DoubleDqn& operator=(const DoubleDqn&) = delete;

  // An epsilon-greedy action among the allowed ones; counts a decision (advances the schedule).
  std::int32_t act(std::span<const double> state, Mask mask);
  // The allowed action with the highest online Q-value (ties: the lowest index).
  std::int32_t best(std::span<const double> state, Mask mask) const;
  // Stores a transition; trains one batch every trainEvery transitions once warmupTransitions are held.
  // `nextState`/`nextMask` are ignored when `terminal`.
  void remember(std::span<const double> state, std::int32_t action, double reward,
                std::span<const double> nextState, Mask nextMask, bool terminal);

  double epsilon() const;
  std::int64_t decisions() const { return decisions_; }
  std::int64_t gradientSteps() const { return gradientSteps_; }
  std::int32_t stateSize() const { return stateSize_; }
  std::int32_t actions() const { return actions_; }
  const Mlp& online() const;
  // Replaces the online and target networks (e.g. with the best one kept by validation).
  void setOnline(const Mlp& network);

 private:
  struct Impl;
  void trainBatch();

  std::int32_t stateSize_;
  std::int32_t actions_;
  DqnSettings settings_;
  std::int64_t decisions_ = 0;
  std::int64_t transitions_ = 0;
  std::int64_t gradientSteps_ = 0;
  std::unique_ptr<Impl> impl_;
};

// The allowed action with the highest value in `values` (ties: the lowest index); -1 if none is allowed.
std::int32_t maskedArgmax(std::span<const double> values, std::span<const std::uint8_t> mask);

}  // namespace headroom::engine
