// A pupil's assessment timeline (issue 3 item 9): baselines, targets set and revised, exit tickets
// and feedback forms in one chronological list, and per subject the grades over time against the
// current target, as chart data (the web layer draws it with reports/chart.h). Read-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/date.h"
#include "core/user.h"

namespace waymark::app {

enum class TimelineKind { Baseline, Target, ExitTicket, FeedbackForm };
const char* label(TimelineKind kind);  // "Baseline", "Target", "Exit ticket", "Feedback form"

struct TimelineEntry {
  Date date;
  TimelineKind kind = TimelineKind::Baseline;
  std::string subject;  // "" when not subject-specific (a baseline of emotional wellbeing)
  std::string title;    // "Target set: 6", "Exit ticket: Fractions", "Feedback form, period 2"
  std::string detail;   // "7/10 (70%)", "Reason: strong start", "Sent"; may be blank
};

struct TimelinePoint {
  Date date;
  double value = 0;   // on the subject's axis
  std::string label;  // "5+", "70%"
};

struct TimelineTick {
  double value = 0;
  std::string label;
};

// One subject's grades over time. On a GCSE scale the axis is GCSE points (U = 0 ... 9), so fine
// and whole grades share it; on any other standard scale it is the grade's rank; with no scale
// known, exit-ticket percentages (0-100).
struct SubjectProgress {
  std::string subject;
  std::string axis_name;  // "GCSE 9-1", "Percentage"
  std::vector<TimelineTick> ticks;
  std::vector<TimelinePoint> exit_tickets;
  std::vector<TimelinePoint> feedback_forms;  // working-at grades on the forms
  std::optional<TimelinePoint> target;        // the current (latest) target, on the same axis
};

struct Timeline {
  std::vector<TimelineEntry> entries;     // oldest first; ties keep the order baseline, target, ...
  std::vector<SubjectProgress> subjects;  // by subject name
};

// The timeline of a pupil the actor may see; NotFound ("pupil not found") otherwise. Feedback
// forms that are not yet sent appear only to the provider's own staff (a commissioning school sees
// sent forms only). FIXME: grades on an organisation's own (non-standard) scales are listed but
// not charted; charting them needs the scale from connection.assessment_setup().grade_scale().
Result<Timeline> pupil_timeline(Context& context, const Actor& actor, Id pupil_id);

}  // namespace waymark::app
