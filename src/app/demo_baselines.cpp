// FIXME: placeholder; the baselines area (issue 3) seeds its demo data here.
#include "app/demo_seed.h"

namespace waymark::app::demo {

void seed_baselines(store::Connection&, const DemoWorld&, Random&) {}

}  // namespace waymark::app::demo
