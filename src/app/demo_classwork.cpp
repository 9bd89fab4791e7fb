// FIXME: placeholder; the classwork area (issue 3) seeds its demo data here.
#include "app/demo_seed.h"

namespace waymark::app::demo {

void seed_classwork(store::Connection&, const DemoWorld&, Random&) {}

}  // namespace waymark::app::demo
