#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/core/resource_paths.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/io/json_input.h"
#include "engine/pool/model_quality.h"

using namespace headroom::engine;

class TestModelQuality : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  void writeModel(const QString& name, const QByteArray& quality) {
    QDir(dir_.path()).mkpath("models");
    QFile file(dir_.path() + "/models/" + name + ".json");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"source": "test", "layers": 2, "hidden_size": 64, "attention_heads": 4, "kv_heads": 2,
      "head_dim": 16, "intermediate_size": 128, "vocab_size": 272, "tied_embeddings": false,
      "bytes_per_parameter": 2, "default_tensor_parallel": 1)" +
               (quality.isEmpty() ? QByteArray() : ", \"quality\": " + quality) + "}");
  }

  InputError qualityError(const QString& name) {
    try {
      loadModelQuality(name.toStdString());
    } catch (const InputError& e) {
      return e;
    }
    throw std::logic_error("no error for " + name.toStdString());
  }

 private slots:
  void init() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }
  void cleanupTestCase() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void shippedModelsHaveQuality_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("mmlu");
    QTest::addColumn<double>("gsm8k");
    QTest::addColumn<QString>("card");
    QTest::newRow("1b") << "llama-3.2-1b" << 0.493 << 0.444 << "Llama 3.2 model card";
    QTest::newRow("3b") << "llama-3.2-3b" << 0.634 << 0.777 << "Llama 3.2 model card";
    QTest::newRow("8b") << "llama-3.1-8b" << 0.694 << 0.845 << "Llama 3.1 model card";
    QTest::newRow("70b") << "llama-3.1-70b" << 0.836 << 0.951 << "Llama 3.1 model card";
  }
  void shippedModelsHaveQuality() {
    QFETCH(QString, model);
    QFETCH(double, mmlu);
    QFETCH(double, gsm8k);
    QFETCH(QString, card);
    const ModelQuality quality = loadModelQuality(model.toStdString());
    QCOMPARE(QString::fromStdString(quality.model), model);
    QVERIFY2(quality.source.find(card.toStdString()) != std::string::npos, quality.source.c_str());
    QCOMPARE(quality.accuracyByTask.size(), std::size_t{2});
    QCOMPARE(quality.accuracyByTask.at("mmlu"), mmlu);
    QCOMPARE(quality.accuracyByTask.at("gsm8k"), gsm8k);
    // The shape reader takes the file with its "quality" object.
    const ModelShape shape = loadModelShape(model.toStdString());
    QCOMPARE(QString::fromStdString(shape.name), model);
  }

  void threeBillionShape() {
    const ModelShape shape = loadModelShape("llama-3.2-3b");
    QCOMPARE(shape.layers, 28);
    QCOMPARE(shape.hiddenSize, 3072);
    QCOMPARE(shape.attentionHeads, 24);
    QCOMPARE(shape.kvHeads, 8);
    QCOMPARE(shape.headDim, 128);
    QCOMPARE(shape.intermediateSize, 8192);
    QVERIFY(shape.tiedEmbeddings);
    QCOMPARE(shape.parameterCount(), std::int64_t{3'212'749'824});  // "3.21B" on the model card
    QCOMPARE(shape.kvBytesPerToken(), std::int64_t{114'688});     // 2 x 28 layers x 8 heads x 128 x 2 bytes
  }

  void biggerModelsAnswerBetter() {
    const QualityTable table =
        qualityTable({"1b", "3b", "8b", "70b"}, {"llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b"},
                     {"gsm8k", "mmlu"});
    QCOMPARE(table.groups, (std::vector<std::string>{"1b", "3b", "8b", "70b"}));
    QCOMPARE(table.tasks, (std::vector<std::string>{"gsm8k", "mmlu"}));
    QCOMPARE(table.at(0, 0), 0.444);
    QCOMPARE(table.at(3, 1), 0.836);
    for (std::size_t task = 0; task < 2; ++task) {
      for (std::size_t g = 1; g < 4; ++g) QVERIFY(table.at(g, task) > table.at(g - 1, task));
    }
    // The spread differs by task: on GSM8K the 3B model gains far more over the 1B than on MMLU.
    QVERIFY(table.at(1, 0) - table.at(0, 0) > table.at(1, 1) - table.at(0, 1));
  }

  void sameModelTwiceIsReadOnce() {
    const QualityTable table = qualityTable({"a", "b"}, {"llama-3.1-8b", "llama-3.1-8b"}, {"mmlu"});
    QCOMPARE(table.accuracy, (std::vector<std::vector<double>>{{0.694}, {0.694}}));
  }

  void missingTaskNamesFileTaskAndTasks() {
    try {
      qualityTable({"small", "big"}, {"llama-3.2-1b", "llama-3.1-70b"}, {"mmlu", "humaneval"});
      QFAIL("a task without figures was accepted");
    } catch (const InputError& e) {
      QCOMPARE(e.file(), resourceFile("models", "llama-3.2-1b"));
      QCOMPARE(e.pointer().to_string(), std::string("/quality/tasks"));
      QVERIFY2(std::string(e.what()).find("has no figure for task \"humaneval\"") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("pool group \"small\"") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("tasks with figures: gsm8k, mmlu") != std::string::npos, e.what());
    }
  }

  void tinyModelHasNoQuality() {
    const InputError error = qualityError("llama-tiny");
    QCOMPARE(error.file(), resourceFile("models", "llama-tiny"));
    QCOMPARE(error.pointer().to_string(), std::string("/quality"));
    QVERIFY2(std::string(error.what()).find("has no \"quality\"") != std::string::npos, error.what());
    QVERIFY_THROWS_EXCEPTION(InputError, qualityTable({"tiny", "8b"}, {"llama-tiny", "llama-3.1-8b"}, {"mmlu"}));
  }

  void groupWithoutModelIsRefused() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, qualityTable({"pool"}, {""}, {"mmlu"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, qualityTable({"a", "b"}, {"llama-3.1-8b"}, {"mmlu"}));
  }

  void badQualityNamesTheField_data() {
    QTest::addColumn<QByteArray>("quality");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("allowed");
    QTest::newRow("not an object") << QByteArray("3") << "/quality" << "source";
    QTest::newRow("unknown field") << QByteArray(R"({"source": "s", "tasks": {"mmlu": 0.5}, "year": 2024})")
                                   << "/quality/year" << "allowed fields here: source, tasks";
    QTest::newRow("no source") << QByteArray(R"({"tasks": {"mmlu": 0.5}})") << "/quality/source"
                               << "required field is missing";
    QTest::newRow("empty source") << QByteArray(R"({"source": "", "tasks": {"mmlu": 0.5}})") << "/quality/source"
                                  << "non-empty";
    QTest::newRow("no tasks") << QByteArray(R"({"source": "s"})") << "/quality/tasks" << "required field is missing";
    QTest::newRow("empty tasks") << QByteArray(R"({"source": "s", "tasks": {}})") << "/quality/tasks"
                                 << "non-empty object";
    QTest::newRow("above 1") << QByteArray(R"({"source": "s", "tasks": {"mmlu": 49.3}})") << "/quality/tasks/mmlu"
                             << "a number in [0, 1]";
    QTest::newRow("negative") << QByteArray(R"({"source": "s", "tasks": {"mmlu": -0.1}})") << "/quality/tasks/mmlu"
                              << "a number in [0, 1]";
    QTest::newRow("a string") << QByteArray(R"({"source": "s", "tasks": {"mmlu": "0.5"}})") << "/quality/tasks/mmlu"
                              << "number";
    QTest::newRow("empty task name") << QByteArray(R"({"source": "s", "tasks": {"": 0.5}})") << "/quality/tasks/"
                                     << "non-empty string";
  }
  void badQualityNamesTheField() {
    QFETCH(QByteArray, quality);
    QFETCH(QString, pointer);
    QFETCH(QString, allowed);
    QVERIFY(dir_.isValid());
    writeModel("bad", quality);
    qputenv("HEADROOM_RESOURCE_DIR", dir_.path().toUtf8());
    const InputError error = qualityError("bad");
    QCOMPARE(error.file(), resourceFile("models", "bad"));
    QCOMPARE(QString::fromStdString(error.pointer().to_string()), pointer);
    QVERIFY2(error.allowed().find(allowed.toStdString()) != std::string::npos, error.what());
    loadModelShape("bad");  // the shape itself still reads
  }
};

QTEST_GUILESS_MAIN(TestModelQuality)
#include "tst_model_quality.moc"
