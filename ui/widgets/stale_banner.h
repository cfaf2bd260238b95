#pragma once

class QLabel;
class QString;
class QWidget;

namespace headroom::ui {

// The grey bar a view shows above figures that are no longer live (a remote server or router that
// stopped answering); hidden until its owner sets a text and shows it. One look for every such view.
QLabel* makeStaleBanner(QWidget* parent, const QString& objectName);

}  // namespace headroom::ui
