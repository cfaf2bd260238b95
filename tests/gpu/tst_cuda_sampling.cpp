// The sampling kernel against the host Sampler: the same logits, parameters and random draw must give
// the same token (greedy, temperature, top-p), for a small and a Llama-3-sized vocabulary.
#include <QtTest>

#include "support/cuda_skip.h"

#ifdef HEADROOM_HAVE_CUDA
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "cuda_test_support.h"
#include "engine/exec/cuda/sampling.cuh"
#include "engine/exec/sampler.h"

using namespace headroom;
using engine::Rng;
using engine::gpu::DeviceBuffer;
#endif

class TestCudaSampling : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    HEADROOM_SKIP_WITHOUT_GPU();
  }

  void matchesHostSampler_data() {
    QTest::addColumn<int>("vocab");
    QTest::addColumn<double>("logitScale");
    QTest::newRow("vocab 272") << 272 << 2.0;
    QTest::newRow("vocab 1000") << 1000 << 2.0;
    // With 128k tokens the shares of single tokens must stay well above fp32 rounding of the sums.
    QTest::newRow("vocab 128256, peaked") << 128256 << 8.0;
  }

  void matchesHostSampler() {
#ifdef HEADROOM_HAVE_CUDA
    QFETCH(int, vocab);
    QFETCH(double, logitScale);
    struct Case {
      float temperature;
      float topP;
    };
    const std::vector<Case> cases{{0.0f, 1.0f}, {1.0f, 1.0f}, {0.7f, 0.9f}, {1.3f, 0.5f},
                                  {1.0f, 0.05f}, {0.4f, 0.95f}, {2.0f, 0.8f}, {1.0f, 0.999f}};
    const int drawsPerCase = 8;
    const int rows = static_cast<int>(cases.size()) * drawsPerCase;
    Rng rng(31, static_cast<std::uint64_t>(vocab));
    std::vector<float> logits(static_cast<std::size_t>(rows) * vocab);
    for (float& x : logits) x = static_cast<float>(rng.normal() * logitScale);

    std::vector<float> temperature, topP, uniform;
    std::vector<engine::SamplingParams> params;
    std::vector<std::uint64_t> drawIndex;
    for (int r = 0; r < rows; ++r) {
      const Case& c = cases[static_cast<std::size_t>(r / drawsPerCase)];
      engine::SamplingParams p;
      p.temperature = c.temperature;
      p.topP = c.topP;
      p.seed = 1000 + static_cast<std::uint64_t>(r);
      const std::uint64_t index = 7 + static_cast<std::uint64_t>(r % drawsPerCase);
      params.push_back(p);
      drawIndex.push_back(index);
      temperature.push_back(p.temperature);
      topP.push_back(p.topP);
      Rng draw(p.seed, index);
      uniform.push_back(static_cast<float>(draw.uniform()));
    }
    DeviceBuffer<float> dLogits = test::toDevice(logits);
    DeviceBuffer<float> dTemperature = test::toDevice(temperature);
    DeviceBuffer<float> dTopP = test::toDevice(topP);
    DeviceBuffer<float> dUniform = test::toDevice(uniform);
    DeviceBuffer<int> dTokens(static_cast<std::size_t>(rows));
    engine::gpu::launchSample(dLogits.data(), rows, vocab, dTemperature.data(), dTopP.data(), dUniform.data(),
                              dTokens.data(), nullptr);
    const std::vector<int> tokens = test::toHost(dTokens);

    engine::Sampler sampler;
    int sampledDistinct = 0;
    for (int r = 0; r < rows; ++r) {
      const std::span<const float> row(logits.data() + static_cast<std::size_t>(r) * vocab,
                                       static_cast<std::size_t>(vocab));
      const std::int32_t expected = sampler.sample(row, params[static_cast<std::size_t>(r)], drawIndex[static_cast<std::size_t>(r)]);
      QVERIFY2(tokens[static_cast<std::size_t>(r)] == expected,
               qPrintable(QString("row %1 (temperature %2, top_p %3): GPU %4, host %5")
                              .arg(r)
                              .arg(temperature[static_cast<std::size_t>(r)])
                              .arg(topP[static_cast<std::size_t>(r)])
                              .arg(tokens[static_cast<std::size_t>(r)])
                              .arg(expected)));
      if (expected != engine::Sampler::greedy(row)) ++sampledDistinct;
    }
    // The draws really sample: some of them are not the most likely token.
    QVERIFY(sampledDistinct > 0);
#endif
  }

  void greedyTakesLowestIdOnTies() {
#ifdef HEADROOM_HAVE_CUDA
    const int vocab = 3000;
    std::vector<float> logits(static_cast<std::size_t>(2) * vocab, -1.0f);
    logits[2999] = 4.0f;
    logits[1234] = 4.0f;
    logits[vocab + 17] = 2.0f;
    logits[vocab + 2500] = 2.0f;
    logits[vocab + 18] = 2.0f;
    const std::vector<float> temperature{0.0f, 0.0f};
    const std::vector<float> topP{1.0f, 1.0f};
    const std::vector<float> uniform{0.5f, 0.5f};
    DeviceBuffer<float> dLogits = test::toDevice(logits);
    DeviceBuffer<float> dTemperature = test::toDevice(temperature);
    DeviceBuffer<float> dTopP = test::toDevice(topP);
    DeviceBuffer<float> dUniform = test::toDevice(uniform);
    DeviceBuffer<int> dTokens(2);
    engine::gpu::launchSample(dLogits.data(), 2, vocab, dTemperature.data(), dTopP.data(), dUniform.data(),
                              dTokens.data(), nullptr);
    const std::vector<int> tokens = test::toHost(dTokens);
    QCOMPARE(tokens[0], 1234);
    QCOMPARE(tokens[1], 17);
#endif
  }

  void tiedWeightsFollowIdOrder() {
#ifdef HEADROOM_HAVE_CUDA
    // Four equally likely tokens and nothing else of weight: the draw picks them in id order.
    const int vocab = 600;
    std::vector<float> logits(static_cast<std::size_t>(vocab), -60.0f);
    for (const int id : {500, 3, 250, 77}) logits[static_cast<std::size_t>(id)] = 1.0f;
    const std::vector<float> draws{0.1f, 0.3f, 0.6f, 0.9f};
    const std::vector<int> expected{3, 77, 250, 500};
    std::vector<float> allLogits;
    for (std::size_t i = 0; i < draws.size(); ++i) allLogits.insert(allLogits.end(), logits.begin(), logits.end());
    const std::vector<float> temperature(draws.size(), 1.0f);
    const std::vector<float> topP(draws.size(), 1.0f);
    DeviceBuffer<float> dLogits = test::toDevice(allLogits);
    DeviceBuffer<float> dTemperature = test::toDevice(temperature);
    DeviceBuffer<float> dTopP = test::toDevice(topP);
    DeviceBuffer<float> dUniform = test::toDevice(draws);
    DeviceBuffer<int> dTokens(draws.size());
    engine::gpu::launchSample(dLogits.data(), static_cast<int>(draws.size()), vocab, dTemperature.data(), dTopP.data(),
                              dUniform.data(), dTokens.data(), nullptr);
    QCOMPARE(test::toHost(dTokens), expected);
#endif
  }
};

QTEST_GUILESS_MAIN(TestCudaSampling)
#include "tst_cuda_sampling.moc"
