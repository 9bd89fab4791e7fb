// Marked work and feedback on any piece of work (policy 000 ¶3, policy 002 "Feedback to
// children"): the teacher's feedback, the pupil's self-assessment and response, a redraft, and
// evidence files (app/evidence_files.h). Same rules as exit tickets: provider teachers, heads and
// admins write for pupils placed with them; whoever sees the pupil reads; every write audited
// (entity "marked_work").
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "app/context.h"
#include "core/exit_ticket.h"
#include "core/user.h"
#include "store/classwork_store.h"

namespace waymark::app {

// `request.pupil_id` names the pupil; the subject must be one of the writer's organisation's.
Result<MarkedWork> create_marked_work(Context& context, const Actor& actor,
                                      const MarkedWork& request);

using MarkedWorkChange = std::function<void(MarkedWork&, ErrorList&)>;
Result<MarkedWork> update_marked_work(Context& context, const Actor& actor, Id work_id,
                                      const MarkedWorkChange& change,
                                      std::optional<std::int64_t> expected_updated_at);

// NotFound when absent or the pupil is not visible.
Result<MarkedWork> get_marked_work(Context& context, const Actor& actor, Id work_id);

struct MarkedWorkView {
  MarkedWork work;
  std::vector<store::EvidenceFile> evidence;
};
// A visible pupil's marked work, newest first, each with its evidence files.
Result<std::vector<MarkedWorkView>> list_marked_work(Context& context, const Actor& actor,
                                                     Id pupil_id);

}  // namespace waymark::app
