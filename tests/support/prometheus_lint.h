#pragma once

// The checks `promtool check metrics` makes on a text exposition, for tests of /metrics: every family
// has HELP and TYPE before its samples and comes once; counters end in _total and nothing else does;
// names are snake_case; every sample belongs to the family above it (histograms: _bucket, _sum,
// _count); a histogram's buckets have ascending `le`, cumulative counts, and +Inf equal to _count.
// Returns one line per problem (empty: clean).

#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace headroom::test {

inline std::vector<std::string> prometheusLintProblems(const std::string& text) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  std::string family;
  std::string type;
  bool hasHelp = false;
  // Per histogram series (labels without le): the last le and count, and the +Inf count.
  std::map<std::string, std::pair<double, double>> lastBucket;
  std::map<std::string, double> infCount;
  auto snakeCase = [](const std::string& name) {
    for (char c : name) {
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return !name.empty();
  };
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    if (line.starts_with("# HELP ")) {
      const std::string name = line.substr(7, line.find(' ', 7) - 7);
      if (!seen.insert(name).second) problems.push_back(name + ": family appears twice");
      if (!snakeCase(name)) problems.push_back(name + ": name is not snake_case");
      if (line.size() <= 8 + name.size()) problems.push_back(name + ": no help text");
      family = name;
      type.clear();
      hasHelp = true;
      continue;
    }
    if (line.starts_with("# TYPE ")) {
      const std::string name = line.substr(7, line.find(' ', 7) - 7);
      if (name != family || !hasHelp) problems.push_back(name + ": TYPE without HELP before it");
      type = line.substr(8 + name.size());
      if (type == "counter" && !name.ends_with("_total")) problems.push_back(name + ": counter without _total suffix");
      if (type != "counter" && name.ends_with("_total")) problems.push_back(name + ": _total suffix on a " + type);
      continue;
    }
    if (line.starts_with("#")) continue;
    const std::size_t nameEnd = line.find_first_of("{ ");
    const std::string name = line.substr(0, nameEnd);
    std::string labels;
    if (nameEnd != std::string::npos && line[nameEnd] == '{') labels = line.substr(nameEnd, line.rfind('}') - nameEnd + 1);
    const double value = std::strtod(line.substr(line.rfind(' ') + 1).c_str(), nullptr);
    if (type == "histogram") {
      if (name == family + "_bucket") {
        const std::size_t le = labels.find("le=\"");
        if (le == std::string::npos) {
          problems.push_back(line + ": bucket without le");
          continue;
        }
        const std::size_t leEnd = labels.find('"', le + 4);
        const std::string bound = labels.substr(le + 4, leEnd - le - 4);
        // The series: the labels without le (and the comma before it), e.g. {class="x"}.
        std::string rest = labels.substr(0, le) + labels.substr(leEnd + 1);
        if (const std::size_t comma = rest.find(",}"); comma != std::string::npos) rest.erase(comma, 1);
        const std::string series = family + (rest == "{}" ? std::string() : rest);
        const double boundValue = bound == "+Inf" ? 1e308 : std::strtod(bound.c_str(), nullptr);
        if (const auto last = lastBucket.find(series); last != lastBucket.end()) {
          if (!(boundValue > last->second.first)) problems.push_back(line + ": le not ascending");
          if (value < last->second.second) problems.push_back(line + ": bucket counts not cumulative");
        }
        lastBucket[series] = {boundValue, value};
        if (bound == "+Inf") infCount[series] = value;
      } else if (name == family + "_count") {
        const auto inf = infCount.find(family + labels);
        if (inf == infCount.end()) {
          problems.push_back(line + ": _count without a +Inf bucket");
        } else if (inf->second != value) {
          problems.push_back(line + ": _count differs from the +Inf bucket");
        }
      } else if (name != family + "_sum") {
        problems.push_back(line + ": sample outside its family " + family);
      }
    } else if (name != family) {
      problems.push_back(line + ": sample outside its family " + family);
    }
  }
  return problems;
}

}  // namespace headroom::test
