#pragma once

// A snapshot with every field set (two classes, two series windows) and a field-by-field comparison,
// for the tests of its encodings (snapshot JSON, telemetry events).

#include <QtTest>

#include <chrono>
#include <memory>
#include <optional>

#include "engine/metrics/snapshot.h"

namespace headroom::test {

using namespace headroom::engine;

inline Snapshot sampleSnapshot() {
  Snapshot snapshot;
  snapshot.time = timeFromSeconds(12.345678);
  snapshot.windowLength = std::chrono::milliseconds(500);
  snapshot.arrived = 41;
  snapshot.completed = 37;
  snapshot.sloMet = 33;
  snapshot.tokensOut = 9001;
  ClassSnapshot chat;
  chat.name = "chat";
  chat.rank = 0;
  chat.slo.ttft = std::chrono::milliseconds(1500);
  chat.slo.tbt = std::chrono::milliseconds(50);
  chat.slo.percentile = 99.0;
  chat.arrived = 30;
  chat.completed = 28;
  chat.relegated = 1;
  chat.preempted = 2;
  chat.sloMet = 25;
  chat.attainment = 25.0 / 28.0;
  chat.tokensOut = 7000;
  chat.queue = {28, 0.0123, 0.01, 0.02, 0.025, 0.031, 0.031, 0.04};
  chat.ttft = {28, 0.2, 0.19, 0.3, 0.35, 0.41, 0.41, 0.5};
  chat.tbt = {26, 0.011, 0.0, 0.02, 0.03, 0.055, 0.055, 0.07};
  chat.tokenGap = {900, 0.021, 0.02, 0.022, 0.023, 0.03, 0.03, 0.06};
  chat.ttlt = {28, 3.1, 3.0, 4.0, 4.5, 5.2, 5.2, 6.0};
  ClassSnapshot batch;
  batch.name = "batch";
  batch.rank = 2;
  batch.slo.ttlt = std::chrono::seconds(900);
  batch.slo.percentile = 95.0;
  batch.arrived = 11;
  batch.completed = 0;  // no attainment, empty latencies
  snapshot.classes = {chat, batch};
  auto series = std::make_shared<MetricsSeries>();
  SeriesWindow first{timeFromSeconds(0.0), timeFromSeconds(0.5), {}};
  WindowClassStats chatWindow;
  chatWindow.arrivals = 3;
  chatWindow.completions = 2;
  chatWindow.sloMet = 2;
  chatWindow.tokensOut = 140;
  chatWindow.relegations = 1;
  chatWindow.ttft = {0.18, 0.29};
  chatWindow.queue = {0.01, std::nullopt};
  chatWindow.tokenGap = {0.02, 0.03};
  first.classes = {chatWindow, WindowClassStats{}};
  SeriesWindow second{timeFromSeconds(0.5), timeFromSeconds(30.0), {WindowClassStats{}, WindowClassStats{}}};
  series->push_back(first);
  series->push_back(second);
  snapshot.series = series;
  return snapshot;
}

inline void compareSnapshots(const Snapshot& actual, const Snapshot& expected) {
  QCOMPARE(actual.time, expected.time);
  QCOMPARE(actual.windowLength, expected.windowLength);
  QCOMPARE(actual.arrived, expected.arrived);
  QCOMPARE(actual.completed, expected.completed);
  QCOMPARE(actual.sloMet, expected.sloMet);
  QCOMPARE(actual.tokensOut, expected.tokensOut);
  QCOMPARE(actual.groupNames, expected.groupNames);
  QCOMPARE(actual.classes.size(), expected.classes.size());
  for (std::size_t c = 0; c < expected.classes.size(); ++c) {
    const ClassSnapshot& a = actual.classes[c];
    const ClassSnapshot& e = expected.classes[c];
    QCOMPARE(a.name, e.name);
    QCOMPARE(a.rank, e.rank);
    QCOMPARE(a.slo.ttft, e.slo.ttft);
    QCOMPARE(a.slo.tbt, e.slo.tbt);
    QCOMPARE(a.slo.ttlt, e.slo.ttlt);
    QCOMPARE(a.slo.percentile, e.slo.percentile);
    QCOMPARE(a.arrived, e.arrived);
    QCOMPARE(a.completed, e.completed);
    QCOMPARE(a.relegated, e.relegated);
    QCOMPARE(a.preempted, e.preempted);
    QCOMPARE(a.sloMet, e.sloMet);
    QCOMPARE(a.attainment, e.attainment);
    QCOMPARE(a.tokensOut, e.tokensOut);
    QVERIFY(a.queue == e.queue);
    QVERIFY(a.ttft == e.ttft);
    QVERIFY(a.tbt == e.tbt);
    QVERIFY(a.tokenGap == e.tokenGap);
    QVERIFY(a.ttlt == e.ttlt);
    QCOMPARE(a.completedByGroup, e.completedByGroup);
    QCOMPARE(a.rewardSum, e.rewardSum);
    QCOMPARE(a.meanReward, e.meanReward);
  }
  QVERIFY(actual.series);
  QVERIFY(*actual.series == *expected.series);
}

}  // namespace headroom::test
