#include <QtTest>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/learn/dqn.h"
#include "engine/workload/random.h"

using namespace headroom::engine;

namespace {

// Loss of a batch: 0.5 * sum of squared outputs weighted by `weights`; its output gradient is
// weights * outputs.
double weightedLoss(const Mlp& mlp, const std::vector<double>& inputs, std::int32_t batch,
                    const std::vector<double>& weights) {
  std::vector<double> outputs(static_cast<std::size_t>(batch) * mlp.outputs());
  mlp.forwardBatch(inputs, batch, outputs);
  double loss = 0.0;
  for (std::size_t i = 0; i < outputs.size(); ++i) loss += 0.5 * weights[i] * outputs[i] * outputs[i];
  return loss;
}

}  // namespace

class TestDqn : public QObject {
  Q_OBJECT

 private slots:
  void gradientMatchesCentralFiniteDifferences() {
    Mlp mlp({5, 7, 6, 3}, 11);
    Rng rng(3);
    // Biases away from zero so that no ReLU sits on its kink within the difference step.
    for (auto& p : mlp.parameters()) p += 0.05 * rng.normal();
    constexpr std::int32_t kBatch = 4;
    std::vector<double> inputs(kBatch * 5);
    for (auto& x : inputs) x = rng.normal();
    std::vector<double> weights(kBatch * 3);
    for (auto& w : weights) w = rng.uniform() + 0.5;

    std::vector<double> outputs(kBatch * 3);
    mlp.forwardBatch(inputs, kBatch, outputs);
    std::vector<double> outputGradient(outputs.size());
    for (std::size_t i = 0; i < outputs.size(); ++i) outputGradient[i] = weights[i] * outputs[i];
    std::vector<double> analytic(mlp.parameters().size());
    mlp.gradient(inputs, kBatch, outputGradient, analytic);

    constexpr double kStep = 1e-6;
    double worst = 0.0;
    for (std::size_t p = 0; p < analytic.size(); ++p) {
      const double saved = mlp.parameters()[p];
      mlp.parameters()[p] = saved + kStep;
      const double up = weightedLoss(mlp, inputs, kBatch, weights);
      mlp.parameters()[p] = saved - kStep;
      const double down = weightedLoss(mlp, inputs, kBatch, weights);
      mlp.parameters()[p] = saved;
      const double numeric = (up - down) / (2 * kStep);
      const double error = std::abs(numeric - analytic[p]) / std::max(1.0, std::abs(numeric));
      worst = std::max(worst, error);
    }
    QVERIFY2(worst < 1e-6, qPrintable(QString("worst relative gradient error %1").arg(worst)));
  }

  void forwardOfOneEqualsTheBatchRow() {
    Mlp mlp({4, 8, 2}, 5);
    std::vector<double> inputs{0.1, -0.2, 0.3, 0.4, 1.0, 2.0, -1.0, 0.5};
    std::vector<double> batch(4);
    mlp.forwardBatch(inputs, 2, batch);
    std::vector<double> one(2);
    mlp.forward(std::span<const double>(inputs).subspan(4, 4), one);
    QCOMPARE(one[0], batch[2]);
    QCOMPARE(one[1], batch[3]);
  }

  void wrongParameterCountIsRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Mlp({2, 3, 1}, std::vector<double>(5)));
    QCOMPARE(Mlp::parameterCount({2, 3, 1}), std::size_t{3 * 3 + 1 * 4});
  }

  void adamMinimisesAQuadratic() {
    // f(x) = sum_i c_i (x_i - t_i)^2, minimum at t.
    const std::vector<double> target{1.0, -2.0, 0.5};
    const std::vector<double> scale{1.0, 10.0, 0.1};
    std::vector<double> x{5.0, 5.0, 5.0};
    Adam adam(3, AdamSettings{0.05});
    std::vector<double> gradient(3);
    for (int step = 0; step < 3000; ++step) {
      for (std::size_t i = 0; i < 3; ++i) gradient[i] = 2 * scale[i] * (x[i] - target[i]);
      adam.step(x, gradient);
    }
    for (std::size_t i = 0; i < 3; ++i) {
      QVERIFY2(std::abs(x[i] - target[i]) < 1e-2, qPrintable(QString("x[%1] = %2").arg(i).arg(x[i])));
    }
    QCOMPARE(adam.steps(), std::int64_t{3000});
  }

  void learnsATwoArmedToyAndKeepsToTheMask() {
    // State: one feature s in {-1, +1}. Arm 0 pays 1 when s > 0, arm 1 pays 1 when s < 0 (else 0);
    // arm 2 would pay 2 always but is masked. Terminal transitions: the answer is known exactly.
    DqnSettings settings;
    settings.hiddenLayers = {16};
    settings.gamma = 0.0;
    settings.warmupTransitions = 64;
    settings.trainEvery = 1;
    settings.epsilonDecayDecisions = 2000;
    settings.adam.learningRate = 3e-3;
    DoubleDqn dqn(1, 3, settings, 7);
    Rng rng(99);
    const std::vector<std::uint8_t> mask{1, 1, 0};
    for (int i = 0; i < 4000; ++i) {
      const double s = rng.uniform() < 0.5 ? -1.0 : 1.0;
      const std::vector<double> state{s};
      const std::int32_t action = dqn.act(state, mask);
      QVERIFY(action != 2);
      const double reward = (action == 0 && s > 0) || (action == 1 && s < 0) ? 1.0 : 0.0;
      dqn.remember(state, action, reward, state, mask, true);
    }
    QCOMPARE(dqn.best(std::vector<double>{1.0}, mask), 0);
    QCOMPARE(dqn.best(std::vector<double>{-1.0}, mask), 1);
    QCOMPARE(dqn.epsilon(), settings.epsilonEnd);
    // The values are near the rewards.
    std::vector<double> q(3);
    dqn.online().forward(std::vector<double>{1.0}, q);
    QVERIFY2(std::abs(q[0] - 1.0) < 0.1 && std::abs(q[1]) < 0.1, qPrintable(QString("%1 %2").arg(q[0]).arg(q[1])));
  }

  void maskedNextActionIsNeverTheTargetsMax() {
    QCOMPARE(maskedArgmax(std::vector<double>{5.0, 1.0, 3.0}, std::vector<std::uint8_t>{0, 1, 1}), 2);
    QCOMPARE(maskedArgmax(std::vector<double>{5.0, 1.0}, std::vector<std::uint8_t>{0, 0}), -1);
    // A chain of two decisions where the masked action's value would lift the target: with gamma 1 the
    // learned value of the first step is the reward of the allowed next action only.
    DqnSettings settings;
    settings.hiddenLayers = {8};
    settings.gamma = 1.0;
    settings.warmupTransitions = 32;
    settings.trainEvery = 1;
    settings.targetSyncEvery = 50;
    settings.adam.learningRate = 3e-3;
    DoubleDqn dqn(2, 2, settings, 3);
    const std::vector<double> first{1.0, 0.0};
    const std::vector<double> second{0.0, 1.0};
    const std::vector<std::uint8_t> both{1, 1};
    const std::vector<std::uint8_t> onlyZero{1, 0};
    for (int i = 0; i < 6000; ++i) {
      // Second state: arm 0 pays 0.5, arm 1 pays 3 but is masked when the second state follows the first.
      dqn.remember(second, 0, 0.5, second, both, true);
      dqn.remember(second, 1, 3.0, second, both, true);
      dqn.remember(first, 0, 0.0, second, onlyZero, false);
    }
    std::vector<double> q(2);
    dqn.online().forward(first, q);
    QVERIFY2(std::abs(q[0] - 0.5) < 0.1, qPrintable(QString("Q(first, 0) = %1").arg(q[0])));
  }

  void sameSeedGivesTheSameWeightsBitForBit() {
    auto train = [](std::uint64_t seed) {
      DqnSettings settings;
      settings.hiddenLayers = {16, 16};
      settings.warmupTransitions = 50;
      settings.epsilonDecayDecisions = 500;
      DoubleDqn dqn(3, 2, settings, seed);
      Rng rng(1);
      const std::vector<std::uint8_t> mask{1, 1};
      std::vector<double> state{0, 0, 0};
      for (int i = 0; i < 1000; ++i) {
        for (auto& x : state) x = rng.normal();
        std::vector<double> next{rng.normal(), rng.normal(), rng.normal()};
        const auto action = dqn.act(state, mask);
        dqn.remember(state, action, state[static_cast<std::size_t>(action)], next, mask, i % 7 == 0);
      }
      const auto p = dqn.online().parameters();
      return std::vector<double>(p.begin(), p.end());
    };
    const auto a = train(5);
    const auto b = train(5);
    const auto c = train(6);
    QCOMPARE(a.size(), b.size());
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    QVERIFY(std::memcmp(a.data(), c.data(), a.size() * sizeof(double)) != 0);
  }
};

QTEST_APPLESS_MAIN(TestDqn)
#include "tst_dqn.moc"
