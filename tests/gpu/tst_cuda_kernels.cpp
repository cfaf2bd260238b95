// The element-wise CUDA kernels and the cuBLASLt GEMM, each against a plain host loop written here.
#include <QtTest>

#include "support/cuda_skip.h"

#ifdef HEADROOM_HAVE_CUDA
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "cuda_test_support.h"
#include "engine/exec/cuda/device_copy.cuh"
#include "engine/exec/cuda/embedding.cuh"
#include "engine/exec/cuda/fill_uniform.cuh"
#include "engine/exec/cuda/kv_append.cuh"
#include "engine/exec/cuda/lt_gemm.h"
#include "engine/exec/cuda/rms_norm.cuh"
#include "engine/exec/cuda/rope.cuh"
#include "engine/exec/cuda/swiglu.cuh"

using namespace headroom;
using engine::Rng;
using engine::gpu::DeviceBuffer;
#endif

class TestCudaKernels : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    HEADROOM_SKIP_WITHOUT_GPU();
  }

  void rmsNorm_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("dim");
    QTest::addColumn<bool>("withDelta");
    QTest::newRow("one row, 64") << 1 << 64 << false;
    QTest::newRow("7 rows, 1000, residual add") << 7 << 1000 << true;
    QTest::newRow("33 rows, 4096, residual add") << 33 << 4096 << true;
  }

  void rmsNorm() {
#ifdef HEADROOM_HAVE_CUDA
    QFETCH(int, rows);
    QFETCH(int, dim);
    QFETCH(bool, withDelta);
    Rng rng(11, static_cast<std::uint64_t>(dim));
    const auto count = static_cast<std::size_t>(rows) * dim;
    std::vector<float> residual = test::randomFloats(count, rng, 2.0);
    const test::Bf16Tensor delta = test::randomBf16(count, rng, 1.0);
    const std::vector<float> weight = test::randomFloats(static_cast<std::size_t>(dim), rng, 0.2, 1.0);
    const float eps = 1e-5f;

    DeviceBuffer<float> dResidual = test::toDevice(residual);
    DeviceBuffer<__nv_bfloat16> dDelta = test::toDeviceBf16(delta.bits);
    DeviceBuffer<float> dWeight = test::toDevice(weight);
    DeviceBuffer<__nv_bfloat16> dOut(count);
    engine::gpu::launchRmsNorm(dResidual.data(), withDelta ? dDelta.data() : nullptr, nullptr, dWeight.data(),
                               dOut.data(), rows, dim, eps, nullptr);
    const std::vector<float> out = test::toHostBf16(dOut);
    const std::vector<float> residualAfter = test::toHost(dResidual);

    std::vector<float> expected(count);
    for (int r = 0; r < rows; ++r) {
      double squares = 0.0;
      for (int i = 0; i < dim; ++i) {
        float& x = residual[static_cast<std::size_t>(r) * dim + i];
        if (withDelta) x += delta.values[static_cast<std::size_t>(r) * dim + i];
        squares += static_cast<double>(x) * x;
      }
      const double inverse = 1.0 / std::sqrt(squares / dim + eps);
      for (int i = 0; i < dim; ++i) {
        const std::size_t at = static_cast<std::size_t>(r) * dim + i;
        expected[at] = static_cast<float>(residual[at] * inverse * weight[static_cast<std::size_t>(i)]);
      }
    }
    QCOMPARE(test::firstMismatch(residualAfter, residual, 1e-6, 1e-6), -1LL);
    QCOMPARE(test::firstMismatch(out, expected, 1e-3, 8e-3), -1LL);
#endif
  }

  void rmsNormGathersRows() {
#ifdef HEADROOM_HAVE_CUDA
    const int sourceRows = 9;
    const int dim = 256;
    const std::vector<int> rowIndex{8, 0, 5};
    Rng rng(12);
    const auto count = static_cast<std::size_t>(sourceRows) * dim;
    std::vector<float> residual = test::randomFloats(count, rng, 1.5);
    const test::Bf16Tensor delta = test::randomBf16(count, rng, 0.5);
    const std::vector<float> weight(static_cast<std::size_t>(dim), 1.0f);
    DeviceBuffer<float> dResidual = test::toDevice(residual);
    DeviceBuffer<__nv_bfloat16> dDelta = test::toDeviceBf16(delta.bits);
    DeviceBuffer<float> dWeight = test::toDevice(weight);
    DeviceBuffer<int> dIndex = test::toDevice(rowIndex);
    DeviceBuffer<__nv_bfloat16> dOut(rowIndex.size() * dim);
    engine::gpu::launchRmsNorm(dResidual.data(), dDelta.data(), dIndex.data(), dWeight.data(), dOut.data(),
                               static_cast<int>(rowIndex.size()), dim, 1e-6f, nullptr);
    const std::vector<float> out = test::toHostBf16(dOut);
    const std::vector<float> residualAfter = test::toHost(dResidual);
    for (std::size_t r = 0; r < rowIndex.size(); ++r) {
      const std::size_t source = static_cast<std::size_t>(rowIndex[r]) * dim;
      double squares = 0.0;
      for (int i = 0; i < dim; ++i) {
        const double x = residual[source + i] + delta.values[source + i];
        squares += x * x;
      }
      const double inverse = 1.0 / std::sqrt(squares / dim + 1e-6);
      for (int i = 0; i < dim; ++i) {
        const double x = residual[source + i] + delta.values[source + i];
        QVERIFY(std::fabs(residualAfter[source + i] - x) <= 1e-5);
        QVERIFY2(std::fabs(out[r * dim + i] - x * inverse) <= 1e-3 + 8e-3 * std::fabs(x * inverse),
                 qPrintable(QString("row %1 value %2").arg(r).arg(i)));
      }
    }
    // Rows not gathered keep their residual (no delta added).
    for (int i = 0; i < dim; ++i) QCOMPARE(residualAfter[1 * dim + i], residual[1 * dim + i]);
#endif
  }

  void rope_data() {
    QTest::addColumn<int>("headDim");
    QTest::addColumn<double>("theta");
    QTest::newRow("head 16, theta 1e4") << 16 << 10000.0;
    QTest::newRow("head 64, theta 5e5") << 64 << 500000.0;
    QTest::newRow("head 128, theta 5e5") << 128 << 500000.0;
  }

  void rope() {
#ifdef HEADROOM_HAVE_CUDA
    QFETCH(int, headDim);
    QFETCH(double, theta);
    const int tokens = 5;
    const int qHeads = 4;
    const int kHeads = 2;
    const int rowStride = (qHeads + 2 * kHeads) * headDim;  // V heads follow and must stay untouched
    const std::vector<int> positions{0, 1, 17, 300, 4097};
    Rng rng(13, static_cast<std::uint64_t>(headDim));
    const test::Bf16Tensor qkv = test::randomBf16(static_cast<std::size_t>(tokens) * rowStride, rng, 1.0);
    std::vector<float> invFreq(static_cast<std::size_t>(headDim / 2));
    for (std::size_t i = 0; i < invFreq.size(); ++i) {
      invFreq[i] = static_cast<float>(std::pow(theta, -2.0 * static_cast<double>(i) / headDim));
    }
    DeviceBuffer<__nv_bfloat16> dQkv = test::toDeviceBf16(qkv.bits);
    DeviceBuffer<int> dPositions = test::toDevice(positions);
    DeviceBuffer<float> dInvFreq = test::toDevice(invFreq);
    engine::gpu::launchRope(dQkv.data(), tokens, rowStride, qHeads + kHeads, headDim, dPositions.data(),
                            dInvFreq.data(), nullptr);
    const std::vector<float> out = test::toHostBf16(dQkv);

    std::vector<float> expected = qkv.values;
    const int halfDim = headDim / 2;
    for (int t = 0; t < tokens; ++t) {
      for (int h = 0; h < qHeads + kHeads; ++h) {
        const std::size_t base = static_cast<std::size_t>(t) * rowStride + static_cast<std::size_t>(h) * headDim;
        for (int i = 0; i < halfDim; ++i) {
          const double angle = positions[static_cast<std::size_t>(t)] * std::pow(theta, -2.0 * i / headDim);
          const double x1 = qkv.values[base + i];
          const double x2 = qkv.values[base + i + halfDim];
          expected[base + i] = static_cast<float>(x1 * std::cos(angle) - x2 * std::sin(angle));
          expected[base + i + halfDim] = static_cast<float>(x2 * std::cos(angle) + x1 * std::sin(angle));
        }
      }
    }
    QCOMPARE(test::firstMismatch(out, expected, 1e-2, 8e-3), -1LL);
    // The V part is bit-for-bit what went in.
    for (int t = 0; t < tokens; ++t) {
      for (int i = (qHeads + kHeads) * headDim; i < rowStride; ++i) {
        const std::size_t at = static_cast<std::size_t>(t) * rowStride + i;
        QCOMPARE(out[at], qkv.values[at]);
      }
    }
#endif
  }

  void swiglu() {
#ifdef HEADROOM_HAVE_CUDA
    const int tokens = 6;
    const int inter = 1000;
    Rng rng(14);
    const test::Bf16Tensor gateUp = test::randomBf16(static_cast<std::size_t>(tokens) * 2 * inter, rng, 4.0);
    DeviceBuffer<__nv_bfloat16> dGateUp = test::toDeviceBf16(gateUp.bits);
    DeviceBuffer<__nv_bfloat16> dOut(static_cast<std::size_t>(tokens) * inter);
    engine::gpu::launchSwiglu(dGateUp.data(), dOut.data(), tokens, inter, nullptr);
    const std::vector<float> out = test::toHostBf16(dOut);
    std::vector<float> expected(out.size());
    for (int t = 0; t < tokens; ++t) {
      for (int i = 0; i < inter; ++i) {
        const double g = gateUp.values[static_cast<std::size_t>(t) * 2 * inter + i];
        const double u = gateUp.values[static_cast<std::size_t>(t) * 2 * inter + inter + i];
        expected[static_cast<std::size_t>(t) * inter + i] = static_cast<float>(g / (1.0 + std::exp(-g)) * u);
      }
    }
    QCOMPARE(test::firstMismatch(out, expected, 1e-3, 8e-3), -1LL);
#endif
  }

  void embeddingGather() {
#ifdef HEADROOM_HAVE_CUDA
    const int vocab = 50;
    const int hidden = 72;
    Rng rng(15);
    const test::Bf16Tensor table = test::randomBf16(static_cast<std::size_t>(vocab) * hidden, rng, 1.7);
    const std::vector<int> ids{3, 49, 0, 3, -1, 50};  // the last two are outside the vocabulary
    DeviceBuffer<__nv_bfloat16> dTable = test::toDeviceBf16(table.bits);
    DeviceBuffer<int> dIds = test::toDevice(ids);
    DeviceBuffer<float> dOut(ids.size() * hidden);
    engine::gpu::launchEmbeddingGather(dIds.data(), dTable.data(), dOut.data(), static_cast<int>(ids.size()), hidden,
                                       vocab, nullptr);
    const std::vector<float> out = test::toHost(dOut);
    for (std::size_t t = 0; t < ids.size(); ++t) {
      for (int i = 0; i < hidden; ++i) {
        const float expected = ids[t] >= 0 && ids[t] < vocab
                                   ? table.values[static_cast<std::size_t>(ids[t]) * hidden + i]
                                   : 0.0f;
        QCOMPARE(out[t * hidden + i], expected);
      }
    }
#endif
  }

  void kvAppendWritesSlots() {
#ifdef HEADROOM_HAVE_CUDA
    const int kvHeads = 2;
    const int headDim = 16;
    const int qWidth = 4 * headDim;
    const int width = kvHeads * headDim;
    const int rowStride = qWidth + 2 * width;
    const int slotsInCache = 3 * 16;
    const std::vector<int> slotIds{17, 0, -1, 47, 16};  // two blocks apart, one padding row
    Rng rng(16);
    const test::Bf16Tensor qkv = test::randomBf16(slotIds.size() * rowStride, rng, 1.0);
    const std::uint16_t sentinel = 0x7fc1;  // a NaN no kernel writes
    const std::vector<std::uint16_t> empty(static_cast<std::size_t>(slotsInCache) * width, sentinel);
    DeviceBuffer<__nv_bfloat16> dQkv = test::toDeviceBf16(qkv.bits);
    DeviceBuffer<__nv_bfloat16> dK = test::toDeviceBf16(empty);
    DeviceBuffer<__nv_bfloat16> dV = test::toDeviceBf16(empty);
    DeviceBuffer<int> dSlots = test::toDevice(slotIds);
    engine::gpu::launchKvAppend(dQkv.data(), rowStride, qWidth, qWidth + width, dSlots.data(), dK.data(), dV.data(),
                                static_cast<int>(slotIds.size()), kvHeads, headDim, nullptr);
    const std::vector<std::uint16_t> k = test::toHostBits(dK);
    const std::vector<std::uint16_t> v = test::toHostBits(dV);
    std::vector<std::uint16_t> expectedK = empty;
    std::vector<std::uint16_t> expectedV = empty;
    for (std::size_t t = 0; t < slotIds.size(); ++t) {
      if (slotIds[t] < 0) continue;
      for (int i = 0; i < width; ++i) {
        expectedK[static_cast<std::size_t>(slotIds[t]) * width + i] = qkv.bits[t * rowStride + qWidth + i];
        expectedV[static_cast<std::size_t>(slotIds[t]) * width + i] = qkv.bits[t * rowStride + qWidth + width + i];
      }
    }
    QVERIFY(k == expectedK);
    QVERIFY(v == expectedV);
#endif
  }

  void fillUniformIsSeededAndBounded() {
#ifdef HEADROOM_HAVE_CUDA
    const std::int64_t count = 1 << 20;
    DeviceBuffer<__nv_bfloat16> a(count);
    DeviceBuffer<__nv_bfloat16> b(count);
    DeviceBuffer<__nv_bfloat16> c(count);
    engine::gpu::launchFillUniform(a.data(), count, 7, 0.5f, 0.25f, nullptr);
    engine::gpu::launchFillUniform(b.data(), count, 7, 0.5f, 0.25f, nullptr);
    engine::gpu::launchFillUniform(c.data(), count, 8, 0.5f, 0.25f, nullptr);
    const std::vector<float> va = test::toHostBf16(a);
    QVERIFY(test::toHostBits(a) == test::toHostBits(b));
    QVERIFY(test::toHostBits(a) != test::toHostBits(c));
    double sum = 0.0;
    double squares = 0.0;
    for (const float x : va) {
      QVERIFY(x >= 0.25f - 1e-3f && x <= 0.75f + 1e-3f);
      sum += x;
      squares += (x - 0.5) * (x - 0.5);
    }
    QVERIFY(std::fabs(sum / count - 0.5) < 2e-3);
    QVERIFY(std::fabs(squares / count - 0.25 * 0.25 / 3.0) < 1e-3);
#endif
  }

  void deviceCopy() {
#ifdef HEADROOM_HAVE_CUDA
    std::vector<std::int32_t> source(1 << 18);
    std::iota(source.begin(), source.end(), 5);
    DeviceBuffer<std::int32_t> dSource = test::toDevice(source);
    DeviceBuffer<std::int32_t> dTarget(source.size());
    engine::gpu::launchDeviceCopy(dSource.data(), dTarget.data(), dSource.bytes(), nullptr);
    QVERIFY(test::toHost(dTarget) == source);
#endif
  }

  void gemm_data() {
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("fp32Out");
    QTest::newRow("decode row, bf16 out") << 1 << 272 << 64 << false;
    QTest::newRow("7 rows, fp32 out") << 7 << 1000 << 136 << true;
    QTest::newRow("64 rows, bf16 out") << 64 << 384 << 256 << false;
    QTest::newRow("300 rows, fp32 out") << 300 << 512 << 1024 << true;
  }

  void gemm() {
#ifdef HEADROOM_HAVE_CUDA
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(bool, fp32Out);
    Rng rng(17, static_cast<std::uint64_t>(m * 131 + n));
    const test::Bf16Tensor x = test::randomBf16(static_cast<std::size_t>(m) * k, rng, 1.0);
    const test::Bf16Tensor w = test::randomBf16(static_cast<std::size_t>(n) * k, rng, 1.0);
    DeviceBuffer<__nv_bfloat16> dx = test::toDeviceBf16(x.bits);
    DeviceBuffer<__nv_bfloat16> dw = test::toDeviceBf16(w.bits);
    engine::gpu::LtGemm gemm;
    std::vector<float> out;
    if (fp32Out) {
      DeviceBuffer<float> dy(static_cast<std::size_t>(m) * n);
      gemm.run(dx.data(), dw.data(), dy.data(), engine::gpu::GemmOut::Fp32, m, n, k, nullptr);
      out = test::toHost(dy);
    } else {
      DeviceBuffer<__nv_bfloat16> dy(static_cast<std::size_t>(m) * n);
      gemm.run(dx.data(), dw.data(), dy.data(), engine::gpu::GemmOut::Bf16, m, n, k, nullptr);
      out = test::toHostBf16(dy);
    }
    // y[i][j] = sum_k x[i][k] w[j][k]; tolerance from the sum of |terms| (fp32 accumulation) plus the
    // bf16 rounding of the output.
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) {
        double sum = 0.0;
        double magnitude = 0.0;
        for (int p = 0; p < k; ++p) {
          const double term = static_cast<double>(x.values[static_cast<std::size_t>(i) * k + p]) *
                              w.values[static_cast<std::size_t>(j) * k + p];
          sum += term;
          magnitude += std::fabs(term);
        }
        const double tolerance = 1e-4 * magnitude + (fp32Out ? 0.0 : 4e-3 * std::fabs(sum)) + 1e-6;
        const double actual = out[static_cast<std::size_t>(i) * n + j];
        QVERIFY2(std::fabs(actual - sum) <= tolerance,
                 qPrintable(QString("y[%1][%2] = %3, expected %4").arg(i).arg(j).arg(actual).arg(sum)));
      }
    }
#endif
  }
};

QTEST_GUILESS_MAIN(TestCudaKernels)
#include "tst_cuda_kernels.moc"
