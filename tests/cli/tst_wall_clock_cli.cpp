// headroom-cli replay --executor and profile, driven like a user would: real processes, real files.
#include <QtTest>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "support/test_files.h"

namespace {

struct RunResult {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
  qint64 elapsedMs = 0;
};

RunResult runCli(const QStringList& arguments) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
  process.setProcessEnvironment(environment);
  QElapsedTimer timer;
  timer.start();
  process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments);
  if (!process.waitForFinished(300000)) {
    process.kill();
    return {};
  }
  return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError(), timer.elapsed()};
}

// Two seconds of light load on llama-tiny; `executor` is the scenario's own executor object.
QByteArray tinyScenario(const QByteArray& executor) {
  return R"({
    "name": "tiny-wall", "seed": 5, "duration_s": 2,
    "executor": )" + executor + R"(,
    "scheduler": {"policy": "hybrid", "chunking": "fixed:64"},
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 30, "tbt_s": 30},
       "arrival": {"process": "constant", "rate_per_s": 2.0},
       "prompt_tokens": {"dist": "uniform", "min": 8, "max": 40}, "output_tokens": 4},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60},
       "arrival": {"process": "constant", "rate_per_s": 1.0},
       "prompt_tokens": 24, "output_tokens": 6}
    ]})";
}

using headroom::test::writeFile;

QJsonObject classNamed(const QJsonDocument& doc, const QString& name) {
  for (const auto value : doc.object().value("classes").toArray()) {
    if (value.toObject().value("name").toString() == name) return value.toObject();
  }
  return {};
}

}  // namespace

class TestWallClockCli : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private slots:
  void replayOnTheCpuExecutor() {
    const QString path = writeFile(dir_, "tiny.json", tinyScenario(R"({"kind": "cpu", "model": "llama-tiny"})"));
    const RunResult result = runCli({"replay", path, "--executor", "cpu", "--json", dir_.filePath("out.json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("on the wall clock") && result.out.contains("(cpu executor)"), result.out.constData());
    // Real time: the arrivals alone span two seconds.
    QVERIFY2(result.elapsedMs >= 1500, qPrintable(QString::number(result.elapsedMs)));
    QFile file(dir_.filePath("out.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject chat = classNamed(doc, "chat");
    const QJsonObject batch = classNamed(doc, "batch");
    QVERIFY2(!chat.isEmpty() && !batch.isEmpty(), doc.toJson().constData());
    QVERIFY(chat.value("arrived").toInt() >= 3);
    QCOMPARE(chat.value("completed").toInt(), chat.value("arrived").toInt());
    QVERIFY(chat.value("completed").toInt() >= 3);
    QCOMPARE(batch.value("completed").toInt(), batch.value("arrived").toInt());
    QVERIFY(batch.value("arrived").toInt() >= 1);
  }

  void replayOnTheModeledExecutorTakesItsPredictedTime() {
    const QString path = writeFile(dir_, "modeled.json", tinyScenario(R"({"kind": "constant", "iteration_s": 0.01})"));
    const RunResult result = runCli({"replay", path, "--executor", "modeled", "--json", "-"});
    QVERIFY2(result.exitCode != 0, "a modeled executor needs a model and hardware or a profile");
    const RunResult profiled = runCli({"replay", path, "--executor", "modeled", "--model", "llama-tiny", "--profile",
                                       "cpu-llama-tiny", "--json", "-"});
    QVERIFY2(profiled.exitCode == 0, profiled.err.constData());
    const QJsonDocument doc = QJsonDocument::fromJson(profiled.out);
    const QJsonObject chat = classNamed(doc, "chat");
    QVERIFY(chat.value("completed").toInt() >= 3);
    QCOMPARE(chat.value("completed").toInt(), chat.value("arrived").toInt());
  }

  void cudaWithoutCudaIsAClearError() {
    const QString path = writeFile(dir_, "cuda.json", tinyScenario(R"({"kind": "cpu", "model": "llama-tiny"})"));
#ifdef HEADROOM_CLI_HAS_CUDA
    QSKIP("this headroom-cli is built with CUDA (tests/gpu cover the executor and its fallback)");
#else
    const RunResult result = runCli({"replay", path, "--executor", "cuda"});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("built without CUDA"), result.err.constData());
#endif
  }

  void executorFlagsNeedTheWallClock() {
    const QString path = writeFile(dir_, "flags.json", tinyScenario(R"({"kind": "cpu", "model": "llama-tiny"})"));
    const RunResult result = runCli({"replay", path, "--weights", "random"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("only with --executor"), result.err.constData());
  }

  void profileWritesAFittedProfile() {
    const QString out = dir_.filePath("profile.json");
    const RunResult result = runCli({"profile", "--executor", "cpu", "--model", "llama-tiny", "--repeats", "1",
                                     "--warmup", "0", "--max-context", "64", "--max-prefill", "32", "--max-decodes",
                                     "4", "--out", out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("held-out MAPE"), result.out.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject profile = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(profile.value("model").toString(), QString("llama-tiny"));
    QCOMPARE(profile.value("coefficients_us").toArray().size(), 6);
    const QJsonArray points = profile.value("points").toArray();
    QVERIFY(points.size() >= 10);
    int heldOut = 0;
    for (const auto point : points) {
      QVERIFY(point.toObject().value("measured_us").toInteger() > 0);
      heldOut += point.toObject().value("held_out").toBool() ? 1 : 0;
    }
    QVERIFY(heldOut >= 2);
    QVERIFY(profile.value("command").toString().startsWith("headroom-cli profile --executor cpu --model llama-tiny"));
  }
};

QTEST_GUILESS_MAIN(TestWallClockCli)
#include "tst_wall_clock_cli.moc"
