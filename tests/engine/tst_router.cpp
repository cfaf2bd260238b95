#include <QtTest>

#include <array>
#include <vector>

#include "engine/pool/router.h"

using namespace headroom::engine;

Q_DECLARE_METATYPE(std::vector<std::vector<double>>)

namespace {

std::vector<QosClass> threeClasses() {
  return {QosClass{"gold", 0, Importance::High, {}}, QosClass{"silver", 1, Importance::Normal, {}},
          QosClass{"bronze", 2, Importance::Low, {}}};
}

Request requestOf(ClassId classId) { return Request{0, classId, kTimeZero, 10, 10}; }

}  // namespace

class TestRouter : public QObject {
  Q_OBJECT

 private slots:
  void roundRobinCycles() {
    Router router(PoolConfig{3, RouterKind::RoundRobin, {}}, threeClasses());
    const std::vector<std::int64_t> loads(3, 0);
    std::vector<std::int32_t> picks;
    for (int i = 0; i < 7; ++i) picks.push_back(router.route(requestOf(static_cast<ClassId>(i % 3)), loads));
    QCOMPARE(picks, (std::vector<std::int32_t>{0, 1, 2, 0, 1, 2, 0}));
    QVERIFY(!router.needsLoad());
  }

  void leastLoadedPicksTheLightest() {
    Router router(PoolConfig{4, RouterKind::LeastLoaded, {}}, threeClasses());
    QVERIFY(router.needsLoad());
    QCOMPARE(router.route(requestOf(0), std::vector<std::int64_t>{50, 20, 70, 20}), 1);  // first of equals
    QCOMPARE(router.route(requestOf(2), std::vector<std::int64_t>{5, 20, 0, 20}), 2);
  }

  // The top class rotates over every instance whatever the loads; the others go where load is least.
  void classPrioritySpreadsTheTopClass() {
    Router router(PoolConfig{3, RouterKind::ClassPriority, {}}, threeClasses());
    const std::vector<std::int64_t> skewed{0, 1000, 1000};
    std::array<int, 3> gold{};
    for (int i = 0; i < 30; ++i) ++gold[static_cast<std::size_t>(router.route(requestOf(0), skewed))];
    QCOMPARE(gold, (std::array<int, 3>{10, 10, 10}));
    for (int i = 0; i < 5; ++i) QCOMPARE(router.route(requestOf(1), skewed), 0);
  }

  // Smooth weighted rotation meets the shares exactly over a whole cycle, interleaving the picks.
  void weightedFollowsShares() {
    PoolConfig config{3, RouterKind::Weighted, {{1, 1, 2}, {0, 3, 1}, {1, 0, 0}}};
    Router router(config, threeClasses());
    const std::vector<std::int64_t> loads(3, 0);
    std::array<int, 3> counts{};
    for (int i = 0; i < 400; ++i) ++counts[static_cast<std::size_t>(router.route(requestOf(0), loads))];
    QCOMPARE(counts, (std::array<int, 3>{100, 100, 200}));
    counts = {};
    for (int i = 0; i < 400; ++i) ++counts[static_cast<std::size_t>(router.route(requestOf(1), loads))];
    QCOMPARE(counts, (std::array<int, 3>{0, 300, 100}));
    for (int i = 0; i < 10; ++i) QCOMPARE(router.route(requestOf(2), loads), 0);
    // Interleaved, not in runs: instance 2 never gets three of gold's picks in a row.
    int run = 0;
    for (int i = 0; i < 40; ++i) {
      run = router.route(requestOf(0), loads) == 2 ? run + 1 : 0;
      QVERIFY(run < 3);
    }
  }

  void weightedRejectsBadShares_data() {
    QTest::addColumn<std::vector<std::vector<double>>>("weights");
    QTest::newRow("too few classes") << std::vector<std::vector<double>>{{1, 1}};
    QTest::newRow("wrong row length") << std::vector<std::vector<double>>{{1, 1}, {1}, {1, 1}};
    QTest::newRow("negative share") << std::vector<std::vector<double>>{{1, -1}, {1, 1}, {1, 1}};
    QTest::newRow("all zero") << std::vector<std::vector<double>>{{0, 0}, {1, 1}, {1, 1}};
  }

  void weightedRejectsBadShares() {
    QFETCH(std::vector<std::vector<double>>, weights);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Router(PoolConfig{2, RouterKind::Weighted, weights}, threeClasses()));
  }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
