// Cross-area behaviour queries (the weekly RAG gathers a week's evidence with them). They do no
// authorisation: callers have authorised the read of the pupil.
#pragma once

#include "core/date.h"
#include "core/ids.h"
#include "core/result.h"
#include "store/store.h"

namespace waymark::app {

struct BehaviourCounts {
  int incidents = 0;  // incidents involving the pupil, at any provider, serious ones included
  int serious = 0;    // of which severity "serious"
};

// Incidents involving the pupil with dates in [from, to] inclusive. Invalid on "to" when to is
// before from; NotFound when there is no such pupil.
Result<BehaviourCounts> pupil_behaviour_counts(store::Connection& connection, Id pupil_id,
                                               Date from, Date to);

}  // namespace waymark::app
