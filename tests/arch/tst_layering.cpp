// The layering of docs/ARCHITECTURE.md, checked on every #include of the source tree:
//   app -> ui -> {solver, serve} -> {engine, net}; engine and net include nothing above them or beside
//   them, solver and serve not each other; no Qt under engine/, net/, serve/ or solver/; CBC headers only
//   in solver/src/cbc/.
// The same checker runs on a miniature tree (tests/data/layering) where each file breaks one rule, so a
// checker that finds nothing fails the test too.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Which top-level folders each layer may include from (itself always).
const std::map<std::string, std::set<std::string>> kMayInclude = {
    {"app", {"ui", "solver", "serve", "engine", "net"}},
    {"ui", {"solver", "serve", "engine", "net"}},
    {"solver", {"engine", "net"}},
    {"serve", {"engine", "net"}},
    {"engine", {}},
    {"net", {}},
};
const std::set<std::string> kQtFree = {"engine", "net", "serve", "solver"};

struct Violation {
  std::string file;  // relative to the checked root
  int line = 0;
  std::string include;
  std::string rule;
};

bool isQtHeader(const std::string& header) {
  static const std::regex qt("^Q[A-Za-z]+(/.*)?$");
  return std::regex_match(header, qt);
}

bool isCbcHeader(const std::string& header) {
  static const std::regex cbc("^(coin/|Cbc|Coin|Osi|Clp|Cgl)[A-Za-z_/]*\\.(h|hpp)$");
  return std::regex_match(header, cbc);
}

std::vector<Violation> checkFile(const fs::path& root, const fs::path& path) {
  const std::string relative = fs::relative(path, root).generic_string();
  const std::string layer = relative.substr(0, relative.find('/'));
  const bool inCbcFolder = relative.rfind("solver/src/cbc/", 0) == 0;
  std::vector<Violation> found;
  std::ifstream in(path);
  static const std::regex include("^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]");
  std::string text;
  for (int lineNumber = 1; std::getline(in, text); ++lineNumber) {
    std::smatch match;
    if (!std::regex_search(text, match, include)) continue;
    const bool angled = match[1] == "<";
    const std::string header = match[2];
    const auto report = [&](std::string rule) { found.push_back({relative, lineNumber, header, std::move(rule)}); };
    if (angled) {
      if (kQtFree.contains(layer) && isQtHeader(header)) report("Qt under " + layer + "/");
      if (!inCbcFolder && isCbcHeader(header)) report("CBC outside solver/src/cbc/");
      continue;
    }
    const std::string target = header.substr(0, header.find('/'));
    if (header.find('/') == std::string::npos || !kMayInclude.contains(target) || target == layer) continue;
    if (!kMayInclude.at(layer).contains(target)) report(layer + " -> " + target);
  }
  return found;
}

std::vector<Violation> checkTree(const fs::path& root) {
  std::vector<Violation> found;
  for (const auto& [layer, allowed] : kMayInclude) {
    if (!fs::exists(root / layer)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / layer)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || (extension != ".h" && extension != ".cpp" && extension != ".cu" && extension != ".cuh")) {
        continue;
      }
      for (Violation& violation : checkFile(root, entry.path())) found.push_back(std::move(violation));
    }
  }
  std::sort(found.begin(), found.end(), [](const Violation& a, const Violation& b) {
    return std::tie(a.file, a.line, a.include) < std::tie(b.file, b.line, b.include);
  });
  return found;
}

QString describe(const std::vector<Violation>& violations) {
  QStringList lines;
  for (const Violation& v : violations) {
    lines << QString::fromStdString(v.file + ":" + std::to_string(v.line) + ": #include " + v.include + " (" + v.rule + ")");
  }
  return lines.join('\n');
}

}  // namespace

class TestLayering : public QObject {
  Q_OBJECT

 private slots:
  void sourceTreeKeepsTheLayers() {
    const std::vector<Violation> violations = checkTree(HEADROOM_SOURCE_DIR_FOR_TESTS);
    QVERIFY2(violations.empty(), qPrintable("wrong-way includes:\n" + describe(violations)));
  }

  void checkerFindsEveryWrongWayInclude() {
    const std::vector<Violation> violations = checkTree(fs::path(HEADROOM_TEST_DATA_DIR) / "layering");
    std::vector<std::string> got;
    for (const Violation& v : violations) got.push_back(v.file + ":" + std::to_string(v.line) + " " + v.rule);
    // app/fine.cpp includes every layer below it and is not listed.
    const std::vector<std::string> want = {
        "engine/core/qt_in_engine.cpp:1 Qt under engine/",
        "engine/core/upward.h:5 engine -> serve",
        "net/knows_openai.cpp:1 net -> serve",
        "serve/server/sideways.cpp:1 serve -> solver",
        "serve/server/sideways.cpp:2 serve -> ui",
        "solver/src/cbc_outside.cpp:1 CBC outside solver/src/cbc/",
        "solver/src/cbc_outside.cpp:2 Qt under solver/",
        "ui/reaches_app.cpp:1 ui -> app",
    };
    QVERIFY2(got == want, qPrintable("checker found:\n" + describe(violations)));
  }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
