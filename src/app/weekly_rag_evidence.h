// What the weekly RAG proposal is made from: one pupil's week at one provider, gathered from the
// areas that record it. No authorisation: callers have authorised the read.
#pragma once

#include "app/context.h"
#include "core/weekly_rag.h"

namespace waymark::app {

// The week starting `monday` (Monday to Sunday):
// - exit_ticket_mean_percent: the mean percent of the provider's scored exit tickets that week
//   (graded tickets without a score are left out: a grade has no percent);
// - previous_mean_percent: the same over the three weeks before, the pupil's own baseline;
// - attendance_rate: the pupil's registers Monday to Friday, at any provider (none when no session
//   was possible);
// - behaviour_incidents, serious_incidents: incidents the pupil was involved in that week.
Result<WeekEvidence> gather_week_evidence(store::Connection& connection, Id pupil_id,
                                          Id provider_id, Date monday);

}  // namespace waymark::app
