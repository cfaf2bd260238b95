#include "engine/learn/dqn.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <Eigen/Core>

#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColMajor = Eigen::MatrixXd;

void checkSizes(const std::vector<std::int32_t>& sizes) {
  if (sizes.size() < 2) throw std::invalid_argument("an MLP needs at least an input and an output layer");
  for (const auto size : sizes) {
    if (size < 1) throw std::invalid_argument("every MLP layer needs at least one unit");
  }
}

}  // namespace

// The network's parameters and its scratch buffers (activations of the last batch, per layer).
struct Mlp::Impl {
  std::vector<std::int32_t> sizes;
  std::vector<double> parameters;
  std::vector<std::size_t> offsets;  // per layer: where its weights start; biases follow them
  mutable std::vector<ColMajor> activations;  // per layer incl. input: (units x batch)
  mutable std::vector<Eigen::VectorXd> single;  // per layer incl. input, one sample
  mutable ColMajor delta;
  mutable ColMajor deltaPrevious;

  explicit Impl(std::vector<std::int32_t> layerSizes) : sizes(std::move(layerSizes)) {
    checkSizes(sizes);
    std::size_t offset = 0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
      offsets.push_back(offset);
      offset += static_cast<std::size_t>(sizes[l + 1]) * (static_cast<std::size_t>(sizes[l]) + 1);
    }
    parameters.assign(offset, 0.0);
    activations.resize(sizes.size());
    single.resize(sizes.size());
    for (std::size_t l = 0; l < sizes.size(); ++l) single[l].resize(sizes[l]);
  }

  std::size_t layers() const { return sizes.size() - 1; }
  Eigen::Map<const RowMajor> weights(std::size_t l) const {
    return {parameters.data() + offsets[l], sizes[l + 1], sizes[l]};
  }
  Eigen::Map<RowMajor> weights(std::size_t l) {
    return {parameters.data() + offsets[l], sizes[l + 1], sizes[l]};
  }
  Eigen::Map<const Eigen::VectorXd> bias(std::size_t l) const {
    return {parameters.data() + offsets[l] + static_cast<std::size_t>(sizes[l + 1]) * sizes[l], sizes[l + 1]};
  }

  void forwardBatch(const double* inputs, std::int32_t batch) const {
    activations[0] = Eigen::Map<const ColMajor>(inputs, sizes[0], batch);
    for (std::size_t l = 0; l < layers(); ++l) {
      auto& out = activations[l + 1];
      out.noalias() = weights(l) * activations[l];
      out.colwise() += bias(l);
      if (l + 1 < layers()) out = out.cwiseMax(0.0);
    }
  }
};

Mlp::Mlp(std::vector<std::int32_t> layerSizes, std::uint64_t seed) : impl_(std::make_unique<Impl>(std::move(layerSizes))) {
  Rng rng(seed, 0x6d6c70);  // "mlp"
  for (std::size_t l = 0; l < impl_->layers(); ++l) {
    const double limit = std::sqrt(6.0 / impl_->sizes[l]);
    auto w = impl_->weights(l);
    for (Eigen::Index r = 0; r < w.rows(); ++r) {
      for (Eigen::Index c = 0; c < w.cols(); ++c) w(r, c) = (2.0 * rng.uniform() - 1.0) * limit;
    }
  }
}

Mlp::Mlp(std::vector<std::int32_t> layerSizes, std::vector<double> parameters)
    : impl_(std::make_unique<Impl>(std::move(layerSizes))) {
  if (parameters.size() != impl_->parameters.size()) {
    throw std::invalid_argument("the MLP's layer sizes need " + std::to_string(impl_->parameters.size()) +
                                " parameters, got " + std::to_string(parameters.size()));
  }
  impl_->parameters = std::move(parameters);
}

Mlp::Mlp(const Mlp& other) : impl_(std::make_unique<Impl>(other.impl_->sizes)) {
  impl_->parameters = other.impl_->parameters;
}

Mlp& Mlp::operator=(const Mlp& other) {
  if (this != &other) {
    if (impl_->sizes != other.impl_->sizes) {
      impl_ = std::make_unique<Impl>(other.impl_->sizes);
    }
    impl_->parameters = other.impl_->parameters;
  }
  return *this;
}

Mlp::Mlp(Mlp&&) noexcept = default;
Mlp& Mlp::operator=(Mlp&&) noexcept = default;
Mlp::~Mlp() = default;

const std::vector<std::int32_t>& Mlp::layerSizes() const { return impl_->sizes; }
std::int32_t Mlp::inputs() const { return impl_->sizes.front(); }
std::int32_t Mlp::outputs() const { return impl_->sizes.back(); }

std::size_t Mlp::parameterCount(const std::vector<std::int32_t>& layerSizes) {
  checkSizes(layerSizes);
  std::size_t count = 0;
  for (std::size_t l = 0; l + 1 < layerSizes.size(); ++l) {
    count += static_cast<std::size_t>(layerSizes[l + 1]) * (static_cast<std::size_t>(layerSizes[l]) + 1);
  }
  return count;
}

std::span<const double> Mlp::parameters() const { return impl_->parameters; }
std::span<double> Mlp::parameters() { return impl_->parameters; }

void Mlp::forward(std::span<const double> input, std::span<double> output) const {
  if (input.size() != static_cast<std::size_t>(inputs()) || output.size() != static_cast<std::size_t>(outputs())) {
    throw std::invalid_argument("Mlp::forward: wrong input or output size");
  }
  auto& single = impl_->single;
  single[0] = Eigen::Map<const Eigen::VectorXd>(input.data(), inputs());
  const std::size_t layers = impl_->layers();
  for (std::size_t l = 0; l < layers; ++l) {
    single[l + 1].noalias() = impl_->weights(l) * single[l];
    single[l + 1] += impl_->bias(l);
    if (l + 1 < layers) single[l + 1] = single[l + 1].cwiseMax(0.0);
  }
  Eigen::Map<Eigen::VectorXd>(output.data(), outputs()) = single[layers];
}

void Mlp::forwardBatch(std::span<const double> inputs, std::int32_t batch, std::span<double> outputs) const {
  if (inputs.size() != static_cast<std::size_t>(batch) * this->inputs() ||
      outputs.size() != static_cast<std::size_t>(batch) * this->outputs()) {
    throw std::invalid_argument("Mlp::forwardBatch: wrong input or output size");
  }
  impl_->forwardBatch(inputs.data(), batch);
  Eigen::Map<ColMajor>(outputs.data(), this->outputs(), batch) = impl_->activations.back();
}

void Mlp::gradient(std::span<const double> inputs, std::int32_t batch, std::span<const double> outputGradient,
                   std::span<double> parameterGradient) const {
  if (inputs.size() != static_cast<std::size_t>(batch) * this->inputs() ||
      outputGradient.size() != static_cast<std::size_t>(batch) * outputs() ||
      parameterGradient.size() != impl_->parameters.size()) {
    throw std::invalid_argument("Mlp::gradient: wrong input, output or gradient size");
  }
  impl_->forwardBatch(inputs.data(), batch);
  backward(outputGradient, parameterGradient);
}

void Mlp::backward(std::span<const double> outputGradient, std::span<double> parameterGradient) const {
  Impl& m = *impl_;
  const auto batch = static_cast<std::int32_t>(m.activations.front().cols());
  if (outputGradient.size() != static_cast<std::size_t>(batch) * outputs() ||
      parameterGradient.size() != m.parameters.size()) {
    throw std::invalid_argument("Mlp::backward: wrong output or gradient size");
  }
  m.delta = Eigen::Map<const ColMajor>(outputGradient.data(), outputs(), batch);
  for (std::size_t l = m.layers(); l-- > 0;) {
    const auto& sizes = m.sizes;
    double* base = parameterGradient.data() + m.offsets[l];
    Eigen::Map<RowMajor> weightGradient(base, sizes[l + 1], sizes[l]);
    Eigen::Map<Eigen::VectorXd> biasGradient(base + static_cast<std::size_t>(sizes[l + 1]) * sizes[l], sizes[l + 1]);
    weightGradient.noalias() = m.delta * m.activations[l].transpose();
    biasGradient = m.delta.rowwise().sum();
    if (l > 0) {
      m.deltaPrevious.noalias() = m.weights(l).transpose() * m.delta;
      // ReLU: the activation is positive exactly where its input was.
      m.delta = (m.activations[l].array() > 0.0).select(m.deltaPrevious, 0.0);
    }
  }
}

Adam::Adam(std::size_t parameters, AdamSettings settings)
    : settings_(settings), m_(parameters, 0.0), v_(parameters, 0.0) {}

void Adam::step(std::span<double> parameters, std::span<const double> gradient) {
  if (parameters.size() != m_.size() || gradient.size() != m_.size()) {
    throw std::invalid_argument("Adam::step: wrong parameter or gradient size");
  }
  ++steps_;
  const auto n = static_cast<Eigen::Index>(m_.size());
  Eigen::Map<Eigen::ArrayXd> p(parameters.data(), n);
  Eigen::Map<const Eigen::ArrayXd> g(gradient.data(), n);
  Eigen::Map<Eigen::ArrayXd> m(m_.data(), n);
  Eigen::Map<Eigen::ArrayXd> v(v_.data(), n);
  const double b1 = settings_.beta1;
  const double b2 = settings_.beta2;
  m = b1 * m + (1.0 - b1) * g;
  v = b2 * v + (1.0 - b2) * g.square();
  const double correction1 = 1.0 - std::pow(b1, static_cast<double>(steps_));
  const double correction2 = 1.0 - std::pow(b2, static_cast<double>(steps_));
  const double stepSize = settings_.learningRate * std::sqrt(correction2) / correction1;
  p -= stepSize * m / (v.sqrt() + settings_.epsilon * std::sqrt(correction2));
}

std::int32_t maskedArgmax(std::span<const double> values, std::span<const std::uint8_t> mask) {
  std::int32_t best = -1;
  for (std::size_t a = 0; a < values.size(); ++a) {
    if (mask[a] == 0) continue;
    if (best < 0 || values[a] > values[static_cast<std::size_t>(best)]) best = static_cast<std::int32_t>(a);
  }
  return best;
}

// The networks, the optimiser, the replay ring and the scratch of one batch.
struct DoubleDqn::Impl {
  Mlp online;
  Mlp target;
  Adam adam;
  Rng rng;
  std::int32_t capacity;
  std::int32_t size = 0;
  std::int32_t next = 0;
  std::vector<double> states;
  std::vector<double> nextStates;
  std::vector<std::uint8_t> nextMasks;
  std::vector<std::int32_t> actions;
  std::vector<double> rewards;
  std::vector<std::uint8_t> terminals;
  // Scratch.
  std::vector<std::int32_t> picks;
  std::vector<double> batchStates;
  std::vector<double> batchNext;
  std::vector<double> q;
  std::vector<double> qNextOnline;
  std::vector<double> qNextTarget;
  std::vector<double> outputGradient;
  std::vector<double> gradient;
  mutable std::vector<double> qOne;

  Impl(std::vector<std::int32_t> sizes, const DqnSettings& settings, std::uint64_t seed)
      : online(sizes, seed),
        target(online),
        adam(Mlp::parameterCount(sizes), settings.adam),
        rng(seed, 0x64716e),  // "dqn"
        capacity(settings.replayCapacity) {}
};

DoubleDqn::DoubleDqn(std::int32_t stateSize, std::int32_t actions, DqnSettings settings, std::uint64_t seed)
    : stateSize_(stateSize), actions_(actions), settings_(std::move(settings)) {
  if (stateSize < 1 || actions < 1) throw std::invalid_argument("DoubleDqn: needs a state and an action");
  if (settings_.batchSize < 1 || settings_.replayCapacity < settings_.batchSize || settings_.trainEvery < 1 ||
      settings_.targetSyncEvery < 1) {
    throw std::invalid_argument("DoubleDqn: batch, replay capacity, train and sync intervals must be positive");
  }
  std::vector<std::int32_t> sizes{stateSize};
  sizes.insert(sizes.end(), settings_.hiddenLayers.begin(), settings_.hiddenLayers.end());
  sizes.push_back(actions);
  impl_ = std::make_unique<Impl>(sizes, settings_, seed);
  const auto cap = static_cast<std::size_t>(settings_.replayCapacity);
  const auto s = static_cast<std::size_t>(stateSize);
  const auto a = static_cast<std::size_t>(actions);
  const auto b = static_cast<std::size_t>(settings_.batchSize);
  impl_->states.resize(cap * s);
  impl_->nextStates.resize(cap * s);
  impl_->nextMasks.resize(cap * a);
  impl_->actions.resize(cap);
  impl_->rewards.resize(cap);
  impl_->terminals.resize(cap);
  impl_->picks.resize(b);
  impl_->batchStates.resize(b * s);
  impl_->batchNext.resize(b * s);
  impl_->q.resize(b * a);
  impl_->qNextOnline.resize(b * a);
  impl_->qNextTarget.resize(b * a);
  impl_->outputGradient.resize(b * a);
  impl_->gradient.resize(impl_->online.parameters().size());
  impl_->qOne.resize(a);
}

DoubleDqn::~DoubleDqn() = default;

double DoubleDqn::epsilon() const {
  if (settings_.epsilonDecayDecisions <= 0 || decisions_ >= settings_.epsilonDecayDecisions) return settings_.epsilonEnd;
  const double done = static_cast<double>(decisions_) / static_cast<double>(settings_.epsilonDecayDecisions);
  return settings_.epsilonStart + (settings_.epsilonEnd - settings_.epsilonStart) * done;
}

std::int32_t DoubleDqn::best(std::span<const double> state, Mask mask) const {
  impl_->online.forward(state, impl_->qOne);
  const std::int32_t action = maskedArgmax(impl_->qOne, mask);
  if (action < 0) throw std::invalid_argument("DoubleDqn: the mask allows no action");
  return action;
}

std::int32_t DoubleDqn::act(std::span<const double> state, Mask mask) {
  const double eps = epsilon();
  ++decisions_;
  if (impl_->rng.uniform() < eps) {
    std::int32_t allowed = 0;
    for (const auto m : mask) allowed += m != 0 ? 1 : 0;
    if (allowed == 0) throw std::invalid_argument("DoubleDqn: the mask allows no action");
    auto pick = impl_->rng.uniformInt(0, allowed - 1);
    for (std::size_t a = 0; a < mask.size(); ++a) {
      if (mask[a] != 0 && pick-- == 0) return static_cast<std::int32_t>(a);
    }
  }
  return best(state, mask);
}

void DoubleDqn::remember(std::span<const double> state, std::int32_t action, double reward,
                         std::span<const double> nextState, Mask nextMask, bool terminal) {
  Impl& m = *impl_;
  const auto s = static_cast<std::size_t>(stateSize_);
  const auto a = static_cast<std::size_t>(actions_);
  const auto slot = static_cast<std::size_t>(m.next);
  std::copy(state.begin(), state.end(), m.states.begin() + static_cast<std::ptrdiff_t>(slot * s));
  if (!terminal) {
    std::copy(nextState.begin(), nextState.end(), m.nextStates.begin() + static_cast<std::ptrdiff_t>(slot * s));
    std::copy(nextMask.begin(), nextMask.end(), m.nextMasks.begin() + static_cast<std::ptrdiff_t>(slot * a));
  }
  m.actions[slot] = action;
  m.rewards[slot] = reward;
  m.terminals[slot] = terminal ? 1 : 0;
  m.next = (m.next + 1) % m.capacity;
  m.size = std::min(m.size + 1, m.capacity);
  ++transitions_;
  if (transitions_ >= settings_.warmupTransitions && m.size >= settings_.batchSize &&
      transitions_ % settings_.trainEvery == 0) {
    trainBatch();
  }
}

void DoubleDqn::trainBatch() {
  Impl& m = *impl_;
  const std::int32_t batch = settings_.batchSize;
  const auto s = static_cast<std::size_t>(stateSize_);
  const auto a = static_cast<std::size_t>(actions_);
  for (std::int32_t i = 0; i < batch; ++i) {
    const auto pick = static_cast<std::size_t>(m.rng.uniformInt(0, m.size - 1));
    m.picks[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(pick);
    std::copy_n(m.states.begin() + static_cast<std::ptrdiff_t>(pick * s), s,
                m.batchStates.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * s));
    std::copy_n(m.nextStates.begin() + static_cast<std::ptrdiff_t>(pick * s), s,
                m.batchNext.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * s));
  }
  m.online.forwardBatch(m.batchNext, batch, m.qNextOnline);
  m.target.forwardBatch(m.batchNext, batch, m.qNextTarget);
  m.online.forwardBatch(m.batchStates, batch, m.q);  // last: backward() reuses its activations
  std::fill(m.outputGradient.begin(), m.outputGradient.end(), 0.0);
  for (std::int32_t i = 0; i < batch; ++i) {
    const auto row = static_cast<std::size_t>(i) * a;
    const auto pick = static_cast<std::size_t>(m.picks[static_cast<std::size_t>(i)]);
    double target = m.rewards[pick];
    if (m.terminals[pick] == 0) {
      // Double DQN: the online network picks the next action, the target network values it.
      const std::int32_t next = maskedArgmax(std::span<const double>(m.qNextOnline).subspan(row, a),
                                             std::span<const std::uint8_t>(m.nextMasks).subspan(pick * a, a));
      if (next >= 0) target += settings_.gamma * m.qNextTarget[row + static_cast<std::size_t>(next)];
    }
    const auto action = static_cast<std::size_t>(m.actions[pick]);
    const double error = m.q[row + action] - target;
    // Huber loss: the gradient is the error, clipped at +-delta.
    m.outputGradient[row + action] = std::clamp(error, -settings_.huberDelta, settings_.huberDelta) / batch;
  }
  m.online.backward(m.outputGradient, m.gradient);
  m.adam.step(m.online.parameters(), m.gradient);
  ++gradientSteps_;
  if (gradientSteps_ % settings_.targetSyncEvery == 0) m.target = m.online;
}

const Mlp& DoubleDqn::online() const { return impl_->online; }

void DoubleDqn::setOnline(const Mlp& network) {
  if (network.layerSizes() != impl_->online.layerSizes()) {
    throw std::invalid_argument("DoubleDqn::setOnline: the network has other layer sizes");
  }
  impl_->online = network;
  impl_->target = network;
}

}  // namespace headroom::engine
