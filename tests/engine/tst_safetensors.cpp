#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "engine/exec/llama/llama_checkpoint.h"
#include "engine/exec/llama/safetensors.h"
#include "engine/exec/modeled/model_shape.h"
#include "support/safetensors_writer.h"

using namespace headroom::engine;
using headroom::test::SafetensorsWriter;

namespace {

ModelShape tinyShape(bool tied) {
  ModelShape shape;
  shape.name = "mini";
  shape.layers = 2;
  shape.hiddenSize = 8;
  shape.attentionHeads = 2;
  shape.kvHeads = 1;
  shape.headDim = 4;
  shape.intermediateSize = 12;
  shape.vocabSize = 20;
  shape.tiedEmbeddings = tied;
  return shape;
}

QString errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::runtime_error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::filesystem::path path(const QString& name) const { return (dir_.path() + "/" + name).toStdString(); }

 private slots:
  void readsEachDtype() {
    SafetensorsWriter writer;
    writer.add("f32", {2, 2}, {1.5f, -2.0f, 0.0f, 1e-3f}, "F32");
    writer.add("bf16", {3}, {1.0f, -0.5f, 3.140625f}, "BF16");
    writer.add("f16", {3}, {1.0f, -0.5f, 65504.0f}, "F16");
    writer.header()["__metadata__"] = {{"format", "pt"}};
    writer.write(path("dtypes.safetensors"));
    const SafetensorsReader reader(path("dtypes.safetensors"));
    QCOMPARE(reader.names().size(), std::size_t{3});
    const std::vector<std::int64_t> square{2, 2};
    const std::vector<std::int64_t> three{3};
    QCOMPARE(reader.readFloat32("f32", square), (std::vector<float>{1.5f, -2.0f, 0.0f, 1e-3f}));
    QCOMPARE(reader.readFloat32("bf16", three), (std::vector<float>{1.0f, -0.5f, 3.140625f}));
    QCOMPARE(reader.readFloat32("f16", three), (std::vector<float>{1.0f, -0.5f, 65504.0f}));
    QCOMPARE(reader.tensor("bf16").dtype, SafetensorsDtype::BF16);
  }

  void halfConversionCoversSpecialValues() {
    QCOMPARE(halfToFloat(0x3C00), 1.0f);
    QCOMPARE(halfToFloat(0xC000), -2.0f);
    QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
    QVERIFY(std::isinf(halfToFloat(0x7C00)));
    QVERIFY(std::isnan(halfToFloat(0x7E00)));
    QCOMPARE(bfloat16ToFloat(0x3F80), 1.0f);
  }

  void loadsALlamaCheckpoint_data() {
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<bool>("tied");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("f32 untied") << "F32" << false << 0.0;
    QTest::newRow("bf16 tied") << "BF16" << true << 1.0 / 128;
    QTest::newRow("f16 untied") << "F16" << false << 1.0 / 1024;
  }
  void loadsALlamaCheckpoint() {
    QFETCH(QString, dtype);
    QFETCH(bool, tied);
    QFETCH(double, tolerance);
    const LlamaWeights want = randomLlamaWeights(tinyShape(tied), 4);
    SafetensorsWriter writer;
    headroom::test::addLlama(writer, want, dtype.toStdString());
    const auto file = path("llama-" + dtype + ".safetensors");
    writer.write(file);
    const LlamaWeights got = loadLlamaCheckpoint(file, tinyShape(tied));
    checkLlamaWeights(got);
    QCOMPARE(got.lmHead.empty(), tied);
    const auto close = [&](const std::vector<float>& a, const std::vector<float>& b) {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::abs(a[i] - b[i]) > tolerance * std::max(1.0f, std::abs(b[i]))) return false;
      }
      return true;
    };
    QVERIFY(close(got.embedding, want.embedding));
    QVERIFY(close(got.layers[1].wDown, want.layers[1].wDown));
    QVERIFY(close(got.layers[0].wk, want.layers[0].wk));
    QVERIFY(close(got.finalNorm, want.finalNorm));
  }

  void loadsAShardedCheckpoint() {
    const LlamaWeights want = randomLlamaWeights(tinyShape(false), 5);
    SafetensorsWriter all;
    headroom::test::addLlama(all, want);
    // Split: layer 1, the final norm and the head in the second shard, the rest in the first.
    SafetensorsWriter first;
    SafetensorsWriter second;
    headroom::test::addLlama(first, want);
    headroom::test::addLlama(second, want);
    nlohmann::json map;
    for (const auto& [name, entry] : all.header().items()) {
      const bool late =
          name.find("layers.1.") != std::string::npos || name == "lm_head.weight" || name == "model.norm.weight";
      map[name] = late ? "model-00002-of-00002.safetensors" : "model-00001-of-00002.safetensors";
      (late ? first : second).header().erase(name);
    }
    QDir(dir_.path()).mkpath("sharded");
    first.write(path("sharded/model-00001-of-00002.safetensors"));
    second.write(path("sharded/model-00002-of-00002.safetensors"));
    std::ofstream(path("sharded/model.safetensors.index.json")) << nlohmann::json{{"weight_map", map}}.dump();
    const LlamaWeights got = loadLlamaCheckpoint(path("sharded"), tinyShape(false));
    QCOMPARE(got.layers[1].wq, want.layers[1].wq);
    QCOMPARE(got.lmHead, want.lmHead);
    const SafetensorsReader reader(path("sharded"));
    QVERIFY(reader.tensor("lm_head.weight").file.filename() == "model-00002-of-00002.safetensors");
    QVERIFY(reader.tensor("model.embed_tokens.weight").file.filename() == "model-00001-of-00002.safetensors");
  }

  void missingTensorIsNamed() {
    const LlamaWeights weights = randomLlamaWeights(tinyShape(false), 6);
    SafetensorsWriter writer;
    headroom::test::addLlama(writer, weights);
    writer.header().erase("model.layers.1.mlp.up_proj.weight");
    writer.write(path("missing.safetensors"));
    const QString error = errorOf([&] { loadLlamaCheckpoint(path("missing.safetensors"), tinyShape(false)); });
    QVERIFY2(error.contains("missing.safetensors") && error.contains("'model.layers.1.mlp.up_proj.weight' is missing"),
             qPrintable(error));
    // An untied shape needs its LM head.
    SafetensorsWriter headless;
    headroom::test::addLlama(headless, randomLlamaWeights(tinyShape(true), 6));
    headless.write(path("headless.safetensors"));
    QVERIFY(errorOf([&] { loadLlamaCheckpoint(path("headless.safetensors"), tinyShape(false)); }).contains("'lm_head.weight' is missing"));
  }

  void wrongShapeIsNamed() {
    ModelShape wider = tinyShape(false);
    wider.intermediateSize = 16;
    SafetensorsWriter writer;
    headroom::test::addLlama(writer, randomLlamaWeights(tinyShape(false), 7));
    writer.write(path("shape.safetensors"));
    const QString error = errorOf([&] { loadLlamaCheckpoint(path("shape.safetensors"), wider); });
    QVERIFY2(error.contains("shape.safetensors: tensor 'model.layers.0.mlp.gate_proj.weight' has shape [12, 8], expected [16, 8]"),
             qPrintable(error));
  }

  void truncatedFileIsAnError() {
    SafetensorsWriter writer;
    writer.add("a", {4}, {1, 2, 3, 4});
    writer.add("b", {4}, {5, 6, 7, 8});
    writer.write(path("truncated.safetensors"), 3);
    QString error = errorOf([&] { SafetensorsReader reader(path("truncated.safetensors")); });
    QVERIFY2(error.contains("truncated.safetensors: tensor 'b': truncated"), qPrintable(error));
    std::ofstream(path("stub.safetensors"), std::ios::binary) << "abc";
    error = errorOf([&] { SafetensorsReader reader(path("stub.safetensors")); });
    QVERIFY2(error.contains("stub.safetensors: truncated"), qPrintable(error));
  }

  void badHeadersAreErrors() {
    SafetensorsWriter writer;
    writer.add("a", {2}, {1, 2});
    writer.header()["a"]["dtype"] = "I8";
    writer.write(path("dtype.safetensors"));
    QVERIFY(errorOf([&] { SafetensorsReader reader(path("dtype.safetensors")); })
                .contains("tensor 'a': dtype I8 is not supported (allowed: F32, F16, BF16)"));
    SafetensorsWriter offsets;
    offsets.add("a", {3}, {1, 2, 3});
    offsets.header()["a"]["shape"] = {4};
    offsets.write(path("offsets.safetensors"));
    QVERIFY(errorOf([&] { SafetensorsReader reader(path("offsets.safetensors")); }).contains("needs 16"));
    QVERIFY(errorOf([&] { SafetensorsReader reader(path("nothing-here")); }).contains("does not exist"));
  }

};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
