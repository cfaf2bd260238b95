#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace headroom::ui {

// Asks the operator before a step that discards something (a running replay, the workspace's setup):
// true to go on. Widgets that ask hold one; tests put in an answer of their own. UI thread only.
using Confirmation = std::function<bool(QWidget* parent, const QString& title, const QString& question)>;

// The console's own: a Yes/No message box, No by default.
Confirmation messageBoxConfirmation();

}  // namespace headroom::ui
