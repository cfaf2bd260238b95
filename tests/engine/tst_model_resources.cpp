#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <stdexcept>
#include <string>

#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"

using namespace headroom::engine;

namespace {

const char* const kGoodModel = R"({
  "source": "test", "layers": 2, "hidden_size": 64, "attention_heads": 4, "kv_heads": 2, "head_dim": 16,
  "intermediate_size": 128, "vocab_size": 1000, "tied_embeddings": false, "bytes_per_parameter": 2,
  "default_tensor_parallel": 1
})";

const char* const kGoodHardware = R"({
  "source": "test", "memory_bytes": 1000000000, "hbm_bandwidth_bytes_per_s": 1e12,
  "peak_bf16_flops_per_s": 1e14, "bandwidth_efficiency": 0.8, "compute_efficiency": 0.7,
  "attention_compute_efficiency": 0.5, "gemm_unhidden_fraction": 0.2, "gemm_tile_tokens": 64,
  "iteration_overhead_s": 0.001, "sequence_overhead_s": 0.00001, "prefill_overhead_s": 0.002,
  "allreduce_bus_bandwidth_bytes_per_s": 1e11, "allreduce_latency_s": 0.00001, "runtime_reserve_bytes": 1000
})";

// kGood with `field` set to `value` (raw JSON), or removed when `value` is empty.
QByteArray withField(const char* good, const QString& field, const QString& value) {
  auto doc = QJsonDocument::fromJson(good).object();
  if (value.isEmpty()) {
    doc.remove(field);
  } else {
    doc.insert(field, QJsonDocument::fromJson(("{\"v\":" + value + "}").toUtf8()).object().value("v"));
  }
  return QJsonDocument(doc).toJson();
}

QString loadError(bool hardware, const std::string& name) {
  try {
    if (hardware) {
      loadHardwareProfile(name);
    } else {
      loadModelShape(name);
    }
  } catch (const std::runtime_error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

}  // namespace

class TestModelResources : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  void write(const QString& kind, const QString& name, const QByteArray& content) {
    QDir(dir_.path()).mkpath(kind);
    QFile file(dir_.path() + "/" + kind + "/" + name + ".json");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
  }
  void useTemporaryResources() { qputenv("HEADROOM_RESOURCE_DIR", dir_.path().toUtf8()); }

 private slots:
  void init() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void shippedModelsLoad_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("parameters");
    QTest::addColumn<qint64>("kvBytesPerToken");
    QTest::addColumn<int>("defaultTp");
    QTest::newRow("1b") << "llama-3.2-1b" << qint64{1'235'814'400} << qint64{32'768} << 1;
    QTest::newRow("3b") << "llama-3.2-3b" << qint64{3'212'749'824} << qint64{114'688} << 1;
    QTest::newRow("8b") << "llama-3.1-8b" << qint64{8'030'261'248} << qint64{131'072} << 1;
    QTest::newRow("70b") << "llama-3.1-70b" << qint64{70'553'706'496} << qint64{327'680} << 4;
  }
  void shippedModelsLoad() {
    QFETCH(QString, name);
    QFETCH(qint64, parameters);
    QFETCH(qint64, kvBytesPerToken);
    QFETCH(int, defaultTp);
    const ModelShape shape = loadModelShape(name.toStdString());
    QCOMPARE(QString::fromStdString(shape.name), name);
    QVERIFY(!shape.source.empty());
    QCOMPARE(shape.parameterCount(), parameters);
    QCOMPARE(shape.weightBytes(), 2 * parameters);
    QCOMPARE(shape.kvBytesPerToken(), kvBytesPerToken);
    QCOMPARE(shape.defaultTensorParallel, defaultTp);
    QCOMPARE(shape.bytesPerParameter, 2);
  }

  void eightBillionShapeHelpers() {
    const ModelShape shape = loadModelShape("llama-3.1-8b");
    QCOMPARE(shape.layers, 32);
    QCOMPARE(shape.qkvWidth(), 6144);
    QCOMPARE(shape.linearParametersPerLayer(), qint64{218'103'808});
    QCOMPARE(shape.linearFlopsPerToken(), 2.0 * 218'103'808 * 32);
    QCOMPARE(shape.lmHeadFlopsPerToken(), 2.0 * 4096 * 128256);
    QVERIFY(loadModelShape("llama-3.2-1b").tiedEmbeddings);
  }

  void shippedHardwareLoads_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("bandwidth");
    QTest::newRow("a100") << "a100-80g" << 2.039e12;
    QTest::newRow("h100") << "h100-sxm" << 3.35e12;
    QTest::newRow("h200") << "h200" << 4.8e12;
  }
  void shippedHardwareLoads() {
    QFETCH(QString, name);
    QFETCH(double, bandwidth);
    const HardwareProfile hw = loadHardwareProfile(name.toStdString());
    QCOMPARE(hw.hbmBandwidthBytesPerS, bandwidth);
    QVERIFY(hw.source.size() > 100);
    QVERIFY(hw.memoryBytes > 80'000'000'000);
    QVERIFY(hw.prefillOverhead > hw.iterationOverhead);
  }

  void h200IsH100ComputeWithMoreMemory() {
    const HardwareProfile h100 = loadHardwareProfile("h100-sxm");
    const HardwareProfile h200 = loadHardwareProfile("h200");
    QCOMPARE(h200.peakFlopsPerS, h100.peakFlopsPerS);
    QCOMPARE(h200.computeEfficiency, h100.computeEfficiency);
    QCOMPARE(h200.prefillOverhead, h100.prefillOverhead);
    QVERIFY(h200.memoryBytes > h100.memoryBytes);
  }

  void badModelNamesTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing layers") << "layers"
                                    << ""
                                    << "/layers: required field is missing (an integer >= 1)";
    QTest::newRow("negative layers") << "layers"
                                     << "-3"
                                     << "/layers: must be an integer >= 1, got -3";
    QTest::newRow("text hidden") << "hidden_size"
                                 << "\"big\""
                                 << "/hidden_size: must be an integer >= 1, got \"big\"";
    QTest::newRow("fractional heads") << "attention_heads"
                                      << "4.5"
                                      << "/attention_heads: must be an integer >= 1, got 4.5";
    QTest::newRow("kv not dividing") << "kv_heads"
                                     << "3"
                                     << "/kv_heads: must divide attention_heads (4), got 3";
    QTest::newRow("tied not bool") << "tied_embeddings"
                                   << "1"
                                   << "/tied_embeddings: must be true or false, got 1";
    QTest::newRow("empty source") << "source"
                                  << "\"\""
                                  << "/source: must be a non-empty string, got \"\"";
    QTest::newRow("bad default tp") << "default_tensor_parallel"
                                    << "3"
                                    << "/default_tensor_parallel: must fit the model: tensor parallel degree 3";
  }
  void badModelNamesTheField() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    write("models", "bad", withField(kGoodModel, field, value));
    useTemporaryResources();
    const QString error = loadError(false, "bad");
    QVERIFY2(error.contains(QDir(dir_.path()).filePath("models/bad.json")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  void badHardwareNamesTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing memory") << "memory_bytes"
                                    << ""
                                    << "/memory_bytes: required field is missing";
    QTest::newRow("zero memory") << "memory_bytes"
                                 << "0"
                                 << "/memory_bytes: must be an integer >= 1, got 0";
    QTest::newRow("efficiency above 1") << "bandwidth_efficiency"
                                        << "1.5"
                                        << "/bandwidth_efficiency: must be a number in (0, 1], got 1.5";
    QTest::newRow("zero peak") << "peak_bf16_flops_per_s"
                               << "0"
                               << "/peak_bf16_flops_per_s: must be a number > 0, got 0";
    QTest::newRow("tile not power of two")
        << "gemm_tile_tokens"
        << "100"
        << "/gemm_tile_tokens: must be a power of two from 16 to 1024, got 100";
    QTest::newRow("negative overhead") << "prefill_overhead_s"
                                       << "-0.1"
                                       << "/prefill_overhead_s: must be a number >= 0, got -0.1";
    QTest::newRow("reserve above memory") << "runtime_reserve_bytes"
                                          << "2000000000"
                                          << "/runtime_reserve_bytes: must be below memory_bytes";
    QTest::newRow("unhidden above 1") << "gemm_unhidden_fraction"
                                      << "2"
                                      << "/gemm_unhidden_fraction: must be a number in [0, 1], got 2";
  }
  void badHardwareNamesTheField() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    write("hardware", "bad", withField(kGoodHardware, field, value));
    useTemporaryResources();
    const QString error = loadError(true, "bad");
    QVERIFY2(error.contains(QDir(dir_.path()).filePath("hardware/bad.json")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  void goodTestFilesLoad() {
    write("models", "tiny", kGoodModel);
    write("hardware", "toy", kGoodHardware);
    useTemporaryResources();
    QCOMPARE(loadModelShape("tiny").layers, 2);
    QCOMPARE(loadHardwareProfile("toy").prefillOverhead, Duration{2000});
  }

  void invalidJsonAndNonObject() {
    write("models", "broken", "{ \"layers\": ");
    write("models", "list", "[1, 2]");
    useTemporaryResources();
    QVERIFY2(loadError(false, "broken").contains("models/broken.json: not valid JSON"),
             qPrintable(loadError(false, "broken")));
    QVERIFY(loadError(false, "list").contains("expected a JSON object"));
  }

  void unknownNameListsAvailableFiles() {
    write("models", "tiny", kGoodModel);
    write("hardware", "toy", kGoodHardware);
    useTemporaryResources();
    const QString model = loadError(false, "llama-9");
    QVERIFY2(model.startsWith("unknown model shape 'llama-9'"), qPrintable(model));
    QVERIFY2(model.contains("available: ") && model.contains("tiny"), qPrintable(model));
    const QString hardware = loadError(true, "tpu");
    QVERIFY2(hardware.contains("unknown hardware profile 'tpu'") && hardware.contains("toy"),
             qPrintable(hardware));
  }

  void shippedListIsComplete() {
    const QString error = loadError(false, "nope");
    for (const char* name : {"llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b"})
      QVERIFY2(error.contains(name), qPrintable(error));
  }

  void pathLikeNamesAreRejected() {
    QVERIFY(loadError(false, "../hardware/a100-80g").contains("is not valid"));
    QVERIFY(loadError(true, "").contains("is not valid"));
  }
};

QTEST_GUILESS_MAIN(TestModelResources)
#include "tst_model_resources.moc"
