#pragma once

#include <QColor>

class QPalette;

namespace poc {

enum class GapState;

// Whether `palette` is a dark one (dark window background).
bool isDarkPalette(const QPalette &palette);

// Text colour for a gap state that keeps its contrast on light and dark backgrounds:
// red for open, green for closed, amber for unknown.
QColor gapStateColor(GapState state, const QPalette &palette);

// Background of an inline banner: amber for warnings, red for errors, tinted to suit the palette.
QColor bannerColor(bool error, const QPalette &palette);

} // namespace poc
