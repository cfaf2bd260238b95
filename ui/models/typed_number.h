#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace headroom::ui {

// A number an operator typed: in the UI locale ("1,5" in German) or in C notation ("1.5"), surrounding
// space ignored; nullopt for anything else or a non-finite value. The QVariant form also takes numeric
// variants as they are. Used by every editable field and cell, so all read numbers alike.
std::optional<double> typedNumber(const QString& text);
std::optional<double> typedNumber(const QVariant& value);

}  // namespace headroom::ui
