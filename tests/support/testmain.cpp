#include <QApplication>

#include <gtest/gtest.h>

// Every suite runs inside a QApplication so that item models, widgets and network
// replies work as in the program. The offscreen platform is the default; a test that
// needs a real X server sets QT_QPA_PLATFORM=xcb and DISPLAY in its ctest environment.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    testing::InitGoogleTest(&argc, argv);
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("arcade-poc-dashboard"));
    return RUN_ALL_TESTS();
}
