#include <QtTest>

#include "engine/kv/block_manager.h"

using namespace headroom::engine;

class TestBlockManager : public QObject {
  Q_OBJECT

 private slots:
  void countsBlocks() {
    BlockManager blocks(100, 16);
    QCOMPARE(blocks.blocksFor(1), std::int64_t{1});
    QCOMPARE(blocks.blocksFor(16), std::int64_t{1});
    QCOMPARE(blocks.blocksFor(17), std::int64_t{2});
    QCOMPARE(blocks.extraBlocksFor(2, 32), std::int64_t{0});
    QCOMPARE(blocks.extraBlocksFor(2, 33), std::int64_t{1});
    QVERIFY(blocks.tryAllocate(60));
    QCOMPARE(blocks.freeBlocks(), std::int64_t{40});
    QCOMPARE(blocks.usedFraction(), 0.6);
    QVERIFY(!blocks.tryAllocate(41));  // all or nothing
    QCOMPARE(blocks.freeBlocks(), std::int64_t{40});
    blocks.release(60);
    QCOMPARE(blocks.freeBlocks(), std::int64_t{100});
  }

  void unboundedNeverRunsOut() {
    BlockManager blocks(BlockManager::kUnbounded, 16);
    QVERIFY(blocks.unbounded());
    QVERIFY(blocks.tryAllocate(1'000'000'000));
    QCOMPARE(blocks.usedFraction(), 0.0);
  }

  void rejectsNonsense() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BlockManager(0, 16));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BlockManager(10, 0));
  }
};

QTEST_GUILESS_MAIN(TestBlockManager)
#include "tst_block_manager.moc"
