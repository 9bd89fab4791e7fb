// FIXME: placeholder until the reports layer (issue 3) lands: keeps the library non-empty.
#pragma once

namespace waymark::reports {

// The resolution pango lays text out at: 72 dpi, so one point is one PDF unit.
inline constexpr double kPangoResolution = 72.0;

}  // namespace waymark::reports
