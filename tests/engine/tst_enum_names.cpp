// Enum names as files and wires write them: every value's name parses back to the value, unknown and
// differently cased names are refused, and the names are the documented ones.
#include <QtTest>

#include "engine/core/enum_names.h"
#include "engine/core/qos_class.h"
#include "engine/pool/router_config.h"
#include "engine/sched/scheduler_config.h"
#include "engine/store/run_record.h"
#include "engine/workload/trace_reader.h"

using namespace headroom::engine;

namespace {

enum class Colour : std::uint8_t { Red, Green };
constexpr auto kColours = enumNames<Colour>({{Colour::Red, "red"}, {Colour::Green, "green"}});
static_assert(kColours.name(Colour::Green) == "green");
static_assert(kColours.parse("red") == Colour::Red);
static_assert(!kColours.parse("Red").has_value());

template <typename Enum, typename Parse>
void checkRoundTrip(std::initializer_list<std::pair<Enum, std::string_view>> expected, Parse parse) {
  for (const auto& [value, name] : expected) {
    QCOMPARE(QString::fromLatin1(toString(value).data(), static_cast<int>(toString(value).size())),
             QString::fromLatin1(name.data(), static_cast<int>(name.size())));
    QVERIFY(parse(name) == value);
  }
  QVERIFY(!parse("").has_value());
  QVERIFY(!parse("no-such-name").has_value());
}

}  // namespace

class TestEnumNames : public QObject {
  Q_OBJECT

 private slots:
  void namesRoundTrip() {
    checkRoundTrip<Importance>({{Importance::High, "high"}, {Importance::Normal, "normal"}, {Importance::Low, "low"}},
                               importanceFromString);
    checkRoundTrip<RouterKind>({{RouterKind::RoundRobin, "round-robin"},
                                {RouterKind::LeastLoaded, "least-loaded"},
                                {RouterKind::ClassPriority, "class-priority"},
                                {RouterKind::Weighted, "weighted"}},
                               routerKindFromString);
    checkRoundTrip<OrderingPolicy>({{OrderingPolicy::Fcfs, "fcfs"},
                                    {OrderingPolicy::Priority, "priority"},
                                    {OrderingPolicy::Edf, "edf"},
                                    {OrderingPolicy::Srpf, "srpf"},
                                    {OrderingPolicy::Hybrid, "hybrid"}},
                                   orderingPolicyFromString);
    checkRoundTrip<RunStatus>({{RunStatus::Running, "running"},
                               {RunStatus::Finished, "finished"},
                               {RunStatus::Stopped, "stopped"},
                               {RunStatus::Failed, "failed"},
                               {RunStatus::Interrupted, "interrupted"}},
                              runStatusFromString);
    checkRoundTrip<TraceFormat>(
        {{TraceFormat::Azure, "azure"}, {TraceFormat::BurstGpt, "burstgpt"}, {TraceFormat::Headroom, "headroom"}},
        traceFormatFromString);
  }

  void namesAreCaseSensitive() {
    QVERIFY(!importanceFromString("High").has_value());
    QVERIFY(!orderingPolicyFromString("EDF").has_value());
  }
};

QTEST_GUILESS_MAIN(TestEnumNames)
#include "tst_enum_names.moc"
