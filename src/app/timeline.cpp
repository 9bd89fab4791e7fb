#include "app/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/visibility.h"
#include "core/grade_scale.h"
#include "core/progress_indicator.h"
#include "store/assessment_setup_store.h"
#include "store/baseline_store.h"
#include "store/classwork_store.h"
#include "store/feedback_form_store.h"
#include "store/store.h"

namespace waymark::app {
namespace {

std::string format_number(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) return std::to_string(std::lround(value));
  std::string text = std::to_string(std::round(value * 10) / 10);
  return text.substr(0, text.find('.') + 2);
}

Date date_of(std::int64_t utc_seconds) {
  return Date::from_days(utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400);
}

// A grade's place on its scale's axis: GCSE points where the scale has them, else its rank.
std::optional<TimelinePoint> grade_point(std::string_view scale_key, const std::string& code,
                                         Date date) {
  const GradeScale* scale = standard_scale(scale_key);
  if (scale == nullptr) return std::nullopt;
  std::optional<Grade> grade = scale->find(code);
  if (!grade) return std::nullopt;
  const std::optional<double> points = scale->points(*grade);
  return TimelinePoint{date, points ? *points : static_cast<double>(grade->rank), grade->label};
}

std::vector<TimelineTick> ticks_of(std::string_view scale_key) {
  std::vector<TimelineTick> ticks;
  const GradeScale* scale = standard_scale(scale_key);
  if (scale == nullptr) return ticks;
  for (const Grade& grade : scale->grades()) {
    const std::optional<double> points = scale->points(grade);
    if (points && std::abs(*points - std::round(*points)) > 1e-9) continue;  // whole grades only
    ticks.push_back({points ? *points : static_cast<double>(grade.rank), grade.label});
  }
  return ticks;
}

// Scales that share the GCSE points axis chart together.
std::string axis_key(const std::string& scale_key) {
  return scale_key == "gcse_fine" ? "gcse" : scale_key;
}

}  // namespace

const char* label(TimelineKind kind) {
  switch (kind) {
    case TimelineKind::Baseline:
      return "Baseline";
    case TimelineKind::Target:
      return "Target";
    case TimelineKind::ExitTicket:
      return "Exit ticket";
    case TimelineKind::FeedbackForm:
      return "Feedback form";
  }
  return "";
}

Result<Timeline> pupil_timeline(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));

  Timeline timeline;
  std::map<Id, std::string> subject_names;
  auto subject_name = [&](Id subject_id) -> std::string {
    auto found = subject_names.find(subject_id);
    if (found != subject_names.end()) return found->second;
    auto subject = connection.assessment_setup().subject(subject_id);
    return subject_names[subject_id] = subject ? subject->name : "Subject";
  };
  // Per subject name: the axis scale and the series.
  std::map<std::string, SubjectProgress> progress;
  std::map<std::string, std::string> axis_of;  // subject -> axis key ("gcse", "ks3", "percent")
  auto series_for = [&](const std::string& subject, const std::string& key) -> SubjectProgress* {
    auto [entry, inserted] = axis_of.emplace(subject, key);
    if (!inserted && entry->second != key) return nullptr;  // a second axis: not charted
    SubjectProgress& chart = progress[subject];
    chart.subject = subject;
    return &chart;
  };

  for (const BaselineResult& result : connection.baselines().results_of(pupil_id)) {
    auto instrument = connection.baselines().instrument(result.instrument_id);
    std::string detail;
    if (result.raw_score) detail = "Raw score " + std::to_string(*result.raw_score);
    if (result.standardised_score)
      detail = "Standardised score " + std::to_string(*result.standardised_score);
    if (result.age_equivalent) detail = "Age equivalent " + format_age(*result.age_equivalent);
    if (!result.grade.empty()) detail = "Grade " + result.grade;
    if (result.sdq) detail = "SDQ questionnaire";
    timeline.entries.push_back({result.assessed_on, TimelineKind::Baseline, "",
                                instrument ? instrument->name : "Baseline assessment", detail});
  }

  // Targets oldest first, so the last one seen per subject is the current target.
  std::vector<Target> targets = connection.assessment_setup().targets_of(pupil_id);
  std::stable_sort(targets.begin(), targets.end(),
                   [](const Target& a, const Target& b) { return a.set_at < b.set_at; });
  std::map<std::string, int> targets_seen;
  for (const Target& target : targets) {
    const std::string subject =
        target.subject_name.empty() ? subject_name(target.subject_id) : target.subject_name;
    const bool revision = targets_seen[subject]++ > 0;
    const Date date = date_of(target.set_at);
    std::optional<TimelinePoint> point = grade_point(target.scale_key, target.grade_code, date);
    const std::string shown = point ? point->label : target.grade_code;
    timeline.entries.push_back({date, TimelineKind::Target, subject,
                                std::string(revision ? "Target revised: " : "Target set: ") + shown,
                                target.reason.empty() ? "" : "Reason: " + target.reason});
    if (!point) continue;
    if (SubjectProgress* chart = series_for(subject, axis_key(target.scale_key))) {
      chart->target = *point;
      if (chart->ticks.empty()) {
        chart->ticks = ticks_of(axis_key(target.scale_key));
        chart->axis_name = standard_scale(axis_key(target.scale_key))->name();
      }
    }
  }

  for (const ExitTicket& ticket : connection.classwork().exit_tickets_of(pupil_id, {}, {})) {
    const std::string subject = subject_name(ticket.subject_id);
    std::string detail;
    std::optional<TimelinePoint> point;
    std::string key;
    if (const std::optional<double> percent = ticket.percent()) {
      detail = format_number(*ticket.score) + "/" + format_number(*ticket.max_score) + " (" +
               format_number(*percent) + "%)";
      point = TimelinePoint{ticket.lesson_date, *percent, format_number(*percent) + "%"};
      key = "percent";
    } else if (!ticket.grade.empty()) {
      point = grade_point(ticket.grade_scale, ticket.grade, ticket.lesson_date);
      detail = "Grade " + (point ? point->label : ticket.grade);
      key = axis_key(ticket.grade_scale);
    } else {
      detail = "Not yet marked";
    }
    if (!ticket.mark.empty()) detail += ", " + ticket.mark;
    timeline.entries.push_back({ticket.lesson_date, TimelineKind::ExitTicket, subject,
                                "Exit ticket: " + ticket.topic, detail});
    if (!point) continue;
    if (SubjectProgress* chart = series_for(subject, key)) {
      chart->exit_tickets.push_back(*point);
      if (chart->ticks.empty()) {
        if (key == "percent") {
          for (int value = 0; value <= 100; value += 25)
            chart->ticks.push_back({static_cast<double>(value), std::to_string(value) + "%"});
          chart->axis_name = "Percentage";
        } else {
          chart->ticks = ticks_of(key);
          chart->axis_name = standard_scale(key)->name();
        }
      }
    }
  }

  for (const FeedbackForm& form : connection.feedback_forms().forms_of_pupil(pupil_id)) {
    const bool own_provider = form.provider_id == actor.organisation_id;
    if (!own_provider && form.status != FeedbackFormStatus::Sent) continue;
    timeline.entries.push_back(
        {form.period_end, TimelineKind::FeedbackForm, "",
         "Feedback form, period " + std::to_string(form.period_number) +
             (form.version > 1 ? " (version " + std::to_string(form.version) + ")" : ""),
         label(form.status)});
    for (const FeedbackFormSubject& row : form.subjects) {
      if (row.working_at.empty()) continue;
      std::optional<TimelinePoint> point =
          grade_point(row.working_at_scale, row.working_at, form.period_end);
      if (!point) continue;
      const std::string subject =
          row.subject_name.empty() ? subject_name(row.subject_id) : row.subject_name;
      if (SubjectProgress* chart = series_for(subject, axis_key(row.working_at_scale))) {
        chart->feedback_forms.push_back(*point);
        if (chart->ticks.empty()) {
          chart->ticks = ticks_of(axis_key(row.working_at_scale));
          chart->axis_name = standard_scale(axis_key(row.working_at_scale))->name();
        }
      }
    }
  }

  std::stable_sort(timeline.entries.begin(), timeline.entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; });
  for (auto& [name, chart] : progress) timeline.subjects.push_back(std::move(chart));
  return timeline;
}

}  // namespace waymark::app
