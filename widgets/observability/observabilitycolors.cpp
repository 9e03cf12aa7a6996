#include "observability/observabilitycolors.h"

#include "observability/gaprules.h"

#include <QPalette>

namespace poc {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor gapStateColor(GapState state, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (state) {
    case GapState::Open: return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    case GapState::Closed: return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20);
    case GapState::Unknown: return dark ? QColor(0xff, 0xe0, 0x82) : QColor(0x8d, 0x5b, 0x00);
    }
    return palette.color(QPalette::WindowText);
}

QColor bannerColor(bool error, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    if (error)
        return dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xe0, 0xe0);
    return dark ? QColor(0x4d, 0x3d, 0x10) : QColor(0xff, 0xf3, 0xcd);
}

} // namespace poc
