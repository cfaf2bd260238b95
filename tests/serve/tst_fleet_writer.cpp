// writeFleetDirectory: a deploy directory is written whole, its Secrets readable by their owner alone,
// and a directory deploy did not write is refused and left as it was.
#include <QtTest>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_writer.h"

using namespace headroom::serve;
namespace fs = std::filesystem;

namespace {

std::vector<Manifest> manifests() {
  Manifest secret{"router-config.yaml", {"holds keys"}, {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", "c"}}},
                                                         {"type", "Opaque"}, {"stringData", {{"route.json", "{\"admin_keys\": [\"sk\"]}"}}}}};
  Manifest service{"router-service.yaml", {}, {{"apiVersion", "v1"}, {"kind", "Service"}, {"metadata", {{"name", "s"}}}}};
  Manifest kustomization{"kustomization.yaml", {std::string(kDeployMark)},
                         {{"apiVersion", "kustomize.config.k8s.io/v1beta1"}, {"kind", "Kustomization"},
                          {"resources", {"router-config.yaml", "router-service.yaml"}}}};
  return {secret, service, kustomization};
}

fs::perms permsOf(const fs::path& file) { return fs::status(file).permissions() & fs::perms::all; }

}  // namespace

class TestFleetWriter : public QObject {
  Q_OBJECT

 private slots:
  void secretsAreReadableByTheirOwnerAlone() {
    QTemporaryDir dir;
    const fs::path out = fs::path(dir.path().toStdString()) / "fleet";
    writeFleetDirectory(out, manifests());
    QCOMPARE(permsOf(out / "router-config.yaml"), fs::perms::owner_read | fs::perms::owner_write);
    QVERIFY((permsOf(out / "router-service.yaml") & fs::perms::group_read) != fs::perms::none);
    // Written again over itself: the Secret stays private.
    writeFleetDirectory(out, manifests());
    QCOMPARE(permsOf(out / "router-config.yaml"), fs::perms::owner_read | fs::perms::owner_write);
  }

  void aDirectoryDeployDidNotWriteIsLeftAlone() {
    QTemporaryDir dir;
    const fs::path out = fs::path(dir.path().toStdString()) / "fleet";
    writeFleetDirectory(out, manifests());
    std::ofstream(out / "notes.txt") << "mine";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeFleetDirectory(out, manifests()));
    QVERIFY(fs::exists(out / "notes.txt"));
    QVERIFY(fs::exists(out / "router-config.yaml"));
  }
};

QTEST_GUILESS_MAIN(TestFleetWriter)
#include "tst_fleet_writer.moc"
