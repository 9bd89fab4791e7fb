// Everything the pupil's classwork page shows, gathered in one authorised read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/classwork_work.h"
#include "app/context.h"
#include "core/calendar.h"
#include "core/exit_ticket.h"
#include "core/user.h"

namespace waymark::app {

struct PupilClasswork {
  Id pupil_id = 0;
  std::string pupil_name;
  std::vector<ExitTicket> exit_tickets;     // newest lesson first
  std::vector<MarkedWorkView> work;         // newest first
  std::map<Id, std::string> subject_names;  // every subject named above, by id
  bool can_write = false;
  std::vector<Subject> ticket_subjects;  // the writer's exit-ticket subjects (empty if !can_write)
  std::vector<Subject> work_subjects;    // the writer's subjects (empty if !can_write)
};

// NotFound when the pupil is not visible.
Result<PupilClasswork> pupil_classwork(Context& context, const Actor& actor, Id pupil_id);

}  // namespace waymark::app
