#include "ui/models/typed_number.h"

#include <QLocale>

#include <cmath>

namespace headroom::ui {

std::optional<double> typedNumber(const QString& text) {
  const QString trimmed = text.trimmed();
  bool ok = false;
  double value = QLocale().toDouble(trimmed, &ok);
  if (!ok) value = QLocale::c().toDouble(trimmed, &ok);
  if (!ok || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> typedNumber(const QVariant& value) {
  const int type = value.typeId();
  if (type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Float) {
    const double number = value.toDouble();
    return std::isfinite(number) ? std::optional(number) : std::nullopt;
  }
  return typedNumber(value.toString());
}

}  // namespace headroom::ui
