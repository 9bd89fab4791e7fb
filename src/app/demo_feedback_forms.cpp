// FIXME: placeholder; the feedback forms area (issue 3) seeds its demo data here.
#include "app/demo_seed.h"

namespace waymark::app::demo {

void seed_feedback_forms(store::Connection&, const DemoWorld&, Random&) {}

}  // namespace waymark::app::demo
