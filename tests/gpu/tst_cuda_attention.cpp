// Paged attention over a mixed batch (prefill chunks over cached context, fresh prefills, decodes,
// a padding tile) against a plain host softmax over the same paged cache.
#include <QtTest>

#include "support/cuda_skip.h"

#ifdef HEADROOM_HAVE_CUDA
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "cuda_test_support.h"
#include "engine/exec/cuda/paged_attention.cuh"

using namespace headroom;
using engine::Rng;
using engine::gpu::DeviceBuffer;
#endif

class TestCudaAttention : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    HEADROOM_SKIP_WITHOUT_GPU();
  }

  void mixedBatch_data() {
    QTest::addColumn<int>("qHeads");
    QTest::addColumn<int>("kvHeads");
    QTest::addColumn<int>("headDim");
    QTest::newRow("llama-tiny heads (4/2 x 16)") << 4 << 2 << 16;
    QTest::newRow("GQA 8/2 x 64") << 8 << 2 << 64;
    QTest::newRow("llama-8b heads (32/8 x 128)") << 32 << 8 << 128;
    QTest::newRow("group of 3, head 40") << 6 << 2 << 40;
    QTest::newRow("MHA, head 256") << 4 << 4 << 256;
    QTest::newRow("MQA 32/1 x 64") << 32 << 1 << 64;
  }

  void mixedBatch() {
#ifdef HEADROOM_HAVE_CUDA
    QFETCH(int, qHeads);
    QFETCH(int, kvHeads);
    QFETCH(int, headDim);
    constexpr int kBlockTokens = 16;
    struct Sequence {
      int context;
      int newTokens;
    };
    // A chunk over a cached context crossing blocks, a fresh prefill, decodes at and past a block
    // boundary, a long decode, a first token, and a padding sequence with no tokens.
    const std::vector<Sequence> sequences{{37, 20}, {0, 33}, {15, 1}, {16, 1}, {100, 1}, {0, 1}, {0, 0}};
    const auto count = static_cast<int>(sequences.size());

    // Every sequence gets its own blocks, scattered over the cache.
    std::vector<int> blocksNeeded(sequences.size());
    int totalBlocks = 5;
    int stride = 1;
    for (int s = 0; s < count; ++s) {
      const int tokens = sequences[s].context + sequences[s].newTokens;
      blocksNeeded[s] = (tokens + kBlockTokens - 1) / kBlockTokens;
      totalBlocks += blocksNeeded[s];
      stride = std::max(stride, blocksNeeded[s]);
    }
    std::vector<int> physical(static_cast<std::size_t>(totalBlocks));
    std::iota(physical.begin(), physical.end(), 0);
    Rng rng(21, static_cast<std::uint64_t>(qHeads * 1000 + headDim));
    for (std::size_t i = physical.size() - 1; i > 0; --i) {
      std::swap(physical[i], physical[static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(i)))]);
    }
    std::vector<int> blockTables(static_cast<std::size_t>(count) * stride, 0);
    int next = 0;
    for (int s = 0; s < count; ++s) {
      for (int b = 0; b < blocksNeeded[s]; ++b) blockTables[static_cast<std::size_t>(s) * stride + b] = physical[next++];
    }

    const int kvWidth = kvHeads * headDim;
    const std::size_t cacheValues = static_cast<std::size_t>(totalBlocks) * kBlockTokens * kvWidth;
    const test::Bf16Tensor keys = test::randomBf16(cacheValues, rng, 1.0);
    const test::Bf16Tensor values = test::randomBf16(cacheValues, rng, 1.0);

    int tokens = 0;
    std::vector<int> firstToken, newTokens, context;
    for (const Sequence& s : sequences) {
      firstToken.push_back(tokens);
      newTokens.push_back(s.newTokens);
      context.push_back(s.context);
      tokens += s.newTokens;
    }
    const int qWidth = qHeads * headDim;
    const int qStride = qWidth + 2 * kvWidth;  // as in the fused QKV rows
    const test::Bf16Tensor q = test::randomBf16(static_cast<std::size_t>(tokens) * qStride, rng, 3.0);

    const int perTile = engine::gpu::pagedAttentionQueriesPerTile(qHeads, kvHeads);
    QVERIFY(perTile >= 1);
    std::vector<int> tileSequence, tileFirstQuery;
    for (int s = 0; s < count; ++s) {
      for (int first = 0; first < std::max(1, sequences[s].newTokens); first += perTile) {
        tileSequence.push_back(s);
        tileFirstQuery.push_back(first);
      }
    }

    DeviceBuffer<__nv_bfloat16> dQ = test::toDeviceBf16(q.bits);
    DeviceBuffer<__nv_bfloat16> dK = test::toDeviceBf16(keys.bits);
    DeviceBuffer<__nv_bfloat16> dV = test::toDeviceBf16(values.bits);
    DeviceBuffer<__nv_bfloat16> dOut = test::toDeviceBf16(std::vector<std::uint16_t>(static_cast<std::size_t>(tokens) * qWidth, 0));
    DeviceBuffer<int> dTileSequence = test::toDevice(tileSequence);
    DeviceBuffer<int> dTileFirstQuery = test::toDevice(tileFirstQuery);
    DeviceBuffer<int> dFirstToken = test::toDevice(firstToken);
    DeviceBuffer<int> dNewTokens = test::toDevice(newTokens);
    DeviceBuffer<int> dContext = test::toDevice(context);
    DeviceBuffer<int> dTables = test::toDevice(blockTables);

    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim));
    engine::gpu::PagedAttentionArgs args;
    args.q = dQ.data();
    args.qStride = qStride;
    args.kCache = dK.data();
    args.vCache = dV.data();
    args.out = dOut.data();
    args.outStride = qWidth;
    args.tileSequence = dTileSequence.data();
    args.tileFirstQuery = dTileFirstQuery.data();
    args.tiles = static_cast<int>(tileSequence.size());
    args.firstToken = dFirstToken.data();
    args.newTokens = dNewTokens.data();
    args.context = dContext.data();
    args.blockTables = dTables.data();
    args.blockTableStride = stride;
    args.qHeads = qHeads;
    args.kvHeads = kvHeads;
    args.headDim = headDim;
    args.blockTokens = kBlockTokens;
    args.scale = static_cast<float>(scale);
    engine::gpu::launchPagedAttention(args, nullptr);
    const std::vector<float> out = test::toHostBf16(dOut);

    std::vector<float> expected(out.size());
    const int group = qHeads / kvHeads;
    for (int s = 0; s < count; ++s) {
      for (int i = 0; i < sequences[s].newTokens; ++i) {
        const int row = firstToken[s] + i;
        const int keysSeen = sequences[s].context + i + 1;
        for (int h = 0; h < qHeads; ++h) {
          const int kvHead = h / group;
          const float* query = q.values.data() + static_cast<std::size_t>(row) * qStride + h * headDim;
          std::vector<double> weights(static_cast<std::size_t>(keysSeen));
          double maxScore = -INFINITY;
          for (int j = 0; j < keysSeen; ++j) {
            const int block = blockTables[static_cast<std::size_t>(s) * stride + j / kBlockTokens];
            const std::size_t slot = static_cast<std::size_t>(block) * kBlockTokens + j % kBlockTokens;
            const float* key = keys.values.data() + slot * kvWidth + kvHead * headDim;
            double dot = 0.0;
            for (int d = 0; d < headDim; ++d) dot += static_cast<double>(query[d]) * key[d];
            weights[j] = dot * scale;
            maxScore = std::max(maxScore, weights[j]);
          }
          double total = 0.0;
          for (double& w : weights) {
            w = std::exp(w - maxScore);
            total += w;
          }
          for (int d = 0; d < headDim; ++d) {
            double sum = 0.0;
            for (int j = 0; j < keysSeen; ++j) {
              const int block = blockTables[static_cast<std::size_t>(s) * stride + j / kBlockTokens];
              const std::size_t slot = static_cast<std::size_t>(block) * kBlockTokens + j % kBlockTokens;
              sum += weights[j] * values.values[slot * kvWidth + kvHead * headDim + d];
            }
            expected[static_cast<std::size_t>(row) * qWidth + h * headDim + d] = static_cast<float>(sum / total);
          }
        }
      }
    }
    const long long bad = test::firstMismatch(out, expected, 3e-3, 1e-2);
    QVERIFY2(bad < 0, qPrintable(QString("row %1 column %2: %3, expected %4")
                                     .arg(bad / qWidth)
                                     .arg(bad % qWidth)
                                     .arg(bad >= 0 ? out[bad] : 0.0f)
                                     .arg(bad >= 0 ? expected[bad] : 0.0f)));
#endif
  }

  void rejectsUnsupportedLayouts() {
#ifdef HEADROOM_HAVE_CUDA
    engine::gpu::PagedAttentionArgs args;
    args.qHeads = 8;
    args.kvHeads = 3;
    args.headDim = 64;
    args.blockTokens = 16;
    args.tiles = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, engine::gpu::launchPagedAttention(args, nullptr));
    args.kvHeads = 2;
    args.headDim = 20;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, engine::gpu::launchPagedAttention(args, nullptr));
    args.headDim = 512;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, engine::gpu::launchPagedAttention(args, nullptr));
#endif
  }
};

QTEST_GUILESS_MAIN(TestCudaAttention)
#include "tst_cuda_attention.moc"
