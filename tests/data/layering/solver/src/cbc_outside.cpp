#include <CbcModel.hpp>
#include <QtCore/QObject>
