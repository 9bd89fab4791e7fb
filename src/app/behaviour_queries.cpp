#include "app/behaviour_queries.h"

#include "store/behaviour_store.h"

namespace waymark::app {

Result<BehaviourCounts> pupil_behaviour_counts(store::Connection& connection, Id pupil_id,
                                               Date from, Date to) {
  if (to < from) return Error::invalid("to", "is before from");
  if (!connection.pupil(pupil_id)) return Error::not_found("pupil");
  const store::IncidentCounts counts = connection.behaviour().incident_counts(pupil_id, from, to);
  return BehaviourCounts{counts.incidents, counts.serious};
}

}  // namespace waymark::app
