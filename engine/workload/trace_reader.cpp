#include "engine/workload/trace_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

#include "engine/core/enum_names.h"

namespace headroom::engine {

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string normalizedName(std::string_view text) {
  std::string name(trim(text));
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

// Splits one CSV record. Fields may be double-quoted ("" inside quotes is a literal quote).
void splitCsv(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field.push_back(c);
    }
  }
  fields.push_back(std::move(field));
}

std::string quotedForMessage(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string shown(text.substr(0, kMaxShown));
  if (text.size() > kMaxShown) shown += "...";
  return "\"" + shown + "\"";
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parseNumber(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Days from 1970-01-01 to the given proleptic Gregorian date.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yearOfEra = static_cast<unsigned>(year - era * 400);
  const unsigned monthFromMarch = month > 2 ? month - 3 : month + 9;
  const unsigned dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
  const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

bool isLeapYear(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned daysInMonth(std::int64_t year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<unsigned> fixedDigits(std::string_view text, std::size_t position, std::size_t count) {
  if (position + count > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = position; i < position + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

constexpr std::int64_t kNsPerS = 1'000'000'000;
// Plain-number timestamps beyond this many seconds would overflow nanoseconds.
constexpr double kMaxSeconds = 9.0e9;

struct Columns {
  std::vector<std::size_t> indices;  // per required column, its position in the header
  std::size_t headerFields = 0;
};

std::vector<std::string_view> requiredColumns(TraceFormat format) {
  switch (format) {
    case TraceFormat::Azure: return {"TIMESTAMP", "ContextTokens", "GeneratedTokens"};
    case TraceFormat::BurstGpt: return {"Timestamp", "Request tokens", "Response tokens"};
    case TraceFormat::Headroom: return {"arrival_s", "class", "prompt_tokens", "output_tokens"};
  }
  return {};
}

struct RawRow {
  std::int64_t timeNs = 0;
  std::int32_t promptTokens = 1;
  std::int32_t outputTokens = 1;
  std::int32_t classIndex = -1;
};

class Reader {
 public:
  Reader(const std::filesystem::path& file, TraceFormat format, const std::vector<std::string>& classNames)
      : file_(file), format_(format), classNames_(classNames) {}

  Trace read() {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file_, error)) throw TraceError(file_, 0, "no such trace file");
    std::ifstream in(file_, std::ios::binary);
    if (!in) throw TraceError(file_, 0, "cannot open the trace file");
    std::string line;
    std::vector<std::string> fields;
    std::vector<RawRow> rows;
    Trace trace;
    bool haveHeader = false;
    while (std::getline(in, line)) {
      ++lineNumber_;
      std::string_view view(line);
      if (lineNumber_ == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
      if (trim(view).empty()) continue;
      splitCsv(view, fields);
      if (!haveHeader) {
        readHeader(fields);
        haveHeader = true;
        continue;
      }
      if (fields.size() < columns_.headerFields) {
        fail("expected " + std::to_string(columns_.headerFields) + " fields as in the header, got " +
             std::to_string(fields.size()));
      }
      if (auto row = parseRow(fields)) {
        rows.push_back(*row);
      } else {
        ++trace.skippedRows;
      }
    }
    if (!haveHeader) throw TraceError(file_, 0, "empty file: expected a header row");
    if (rows.empty()) throw TraceError(file_, 0, "the trace has no requests");
    const bool sorted = std::is_sorted(rows.begin(), rows.end(),
                                       [](const RawRow& a, const RawRow& b) { return a.timeNs < b.timeNs; });
    if (!sorted) {
      std::stable_sort(rows.begin(), rows.end(),
                       [](const RawRow& a, const RawRow& b) { return a.timeNs < b.timeNs; });
    }
    const std::int64_t originNs = rows.front().timeNs;
    trace.rows.reserve(rows.size());
    for (const RawRow& raw : rows) {
      trace.rows.push_back({static_cast<double>(raw.timeNs - originNs) / static_cast<double>(kNsPerS),
                            raw.promptTokens, raw.outputTokens, raw.classIndex});
    }
    return trace;
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const { throw TraceError(file_, lineNumber_, problem); }

  void readHeader(const std::vector<std::string>& fields) {
    const auto required = requiredColumns(format_);
    columns_.headerFields = fields.size();
    for (std::string_view name : required) {
      const std::string wanted = normalizedName(name);
      const auto found = std::find_if(fields.begin(), fields.end(), [&](const std::string& field) {
        return normalizedName(field) == wanted;
      });
      if (found == fields.end()) {
        std::string expected;
        for (std::string_view column : required)
          expected += (expected.empty() ? "" : ", ") + std::string(column);
        fail("missing column \"" + std::string(name) + "\" in the header; the " +
             std::string(toString(format_)) + " format needs the columns " + expected);
      }
      columns_.indices.push_back(static_cast<std::size_t>(found - fields.begin()));
    }
  }

  const std::string& field(const std::vector<std::string>& fields, std::size_t column) const {
    return fields[columns_.indices[column]];
  }

  std::int32_t tokens(const std::vector<std::string>& fields, std::size_t column,
                      std::int64_t minimum) const {
    const std::string& text = field(fields, column);
    const auto value = parseInteger(text);
    if (!value || *value < minimum || *value > std::numeric_limits<std::int32_t>::max()) {
      fail("column \"" + std::string(requiredColumns(format_)[column]) +
           "\": expected an integer >= " + std::to_string(minimum) + ", got " + quotedForMessage(text));
    }
    return static_cast<std::int32_t>(*value);
  }

  std::int64_t secondsColumn(const std::vector<std::string>& fields, std::size_t column) const {
    const std::string& text = field(fields, column);
    const auto value = parseNumber(text);
    if (!value || *value < 0.0 || *value > kMaxSeconds) {
      fail("column \"" + std::string(requiredColumns(format_)[column]) +
           "\": expected a number of seconds >= 0, got " + quotedForMessage(text));
    }
    return std::llround(*value * static_cast<double>(kNsPerS));
  }

  std::optional<RawRow> parseRow(const std::vector<std::string>& fields) const {
    RawRow row;
    switch (format_) {
      case TraceFormat::Azure: {
        const std::string& text = field(fields, 0);
        const auto timeNs = parseDateTimeNs(trim(text));
        if (!timeNs) {
          fail("column \"TIMESTAMP\": expected a date and time like \"2023-11-16 18:15:46.6805900\", got " +
               quotedForMessage(text));
        }
        row.timeNs = *timeNs;
        row.promptTokens = std::max<std::int32_t>(1, tokens(fields, 1, 0));
        row.outputTokens = std::max<std::int32_t>(1, tokens(fields, 2, 0));
        return row;
      }
      case TraceFormat::BurstGpt: {
        row.timeNs = secondsColumn(fields, 0);
        row.promptTokens = tokens(fields, 1, 0);
        row.outputTokens = tokens(fields, 2, 0);
        if (row.promptTokens == 0 || row.outputTokens == 0) return std::nullopt;
        return row;
      }
      case TraceFormat::Headroom: {
        row.timeNs = secondsColumn(fields, 0);
        const std::string_view name = trim(field(fields, 1));
        const auto found = std::find(classNames_.begin(), classNames_.end(), name);
        if (found == classNames_.end()) {
          std::string known;
          for (const std::string& className : classNames_) known += (known.empty() ? "" : ", ") + className;
          fail("column \"class\": unknown class " + quotedForMessage(name) +
               "; classes: " + (known.empty() ? std::string("(none given)") : known));
        }
        row.classIndex = static_cast<std::int32_t>(found - classNames_.begin());
        row.promptTokens = tokens(fields, 2, 1);
        row.outputTokens = tokens(fields, 3, 1);
        return row;
      }
    }
    return std::nullopt;
  }

  std::filesystem::path file_;
  TraceFormat format_;
  const std::vector<std::string>& classNames_;
  Columns columns_;
  std::size_t lineNumber_ = 0;
};

std::string errorText(const std::filesystem::path& file, std::size_t line, const std::string& problem) {
  std::string text = file.string();
  if (line > 0) text.append(":").append(std::to_string(line));
  text.append(": ").append(problem);
  return text;
}

}  // namespace

TraceError::TraceError(std::filesystem::path file, std::size_t line, const std::string& problem)
    : std::runtime_error(errorText(file, line, problem)), file_(std::move(file)), line_(line) {}

constexpr auto kTraceFormats = enumNames<TraceFormat>({
    {TraceFormat::Azure, "azure"},
    {TraceFormat::BurstGpt, "burstgpt"},
    {TraceFormat::Headroom, "headroom"},
});

std::string_view toString(TraceFormat format) { return kTraceFormats.name(format); }

std::optional<TraceFormat> traceFormatFromString(std::string_view text) { return kTraceFormats.parse(text); }

std::optional<std::int64_t> parseDateTimeNs(std::string_view text) {
  // YYYY-MM-DD HH:MM:SS[.fraction]
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto year = fixedDigits(text, 0, 4);
  const auto month = fixedDigits(text, 5, 2);
  const auto day = fixedDigits(text, 8, 2);
  const auto hour = fixedDigits(text, 11, 2);
  const auto minute = fixedDigits(text, 14, 2);
  const auto second = fixedDigits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month) || *hour > 23 ||
      *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  std::int64_t fractionNs = 0;
  if (text.size() > 19) {
    if (text[19] != '.' || text.size() == 20) return std::nullopt;
    std::int64_t scale = kNsPerS;
    for (std::size_t i = 20; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      if (scale > 1) {
        scale /= 10;
        fractionNs += (text[i] - '0') * scale;
      }
    }
  }
  const std::int64_t days = daysFromCivil(*year, *month, *day);
  const std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second;
  return seconds * kNsPerS + fractionNs;
}

Trace readTrace(const std::filesystem::path& file, TraceFormat format,
                const std::vector<std::string>& classNames) {
  return Reader(file, format, classNames).read();
}

}  // namespace headroom::engine
