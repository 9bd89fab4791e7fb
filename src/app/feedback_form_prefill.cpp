#include "app/feedback_form_prefill.h"

#include "app/attendance_queries.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/nc_year.h"
#include "store/assessment_setup_store.h"
#include "store/classwork_store.h"
#include "store/feedback_form_store.h"

namespace waymark::app {

namespace {

// The school term a date falls in, by month: September-December Autumn, January-March Spring,
// April-August Summer. The KS3 expectation table is keyed by these three terms.
SchoolTerm school_term_of(Date on) {
  const unsigned month = static_cast<unsigned>(std::stoi(on.iso().substr(5, 2)));
  if (month >= 9) return SchoolTerm::Autumn;
  if (month <= 3) return SchoolTerm::Spring;
  return SchoolTerm::Summer;
}

std::optional<GradeScale> load_scale(store::Connection& connection, Id organisation_id,
                                     const std::string& key) {
  if (auto record = connection.assessment_setup().grade_scale(organisation_id, key)) {
    auto scale = GradeScale::define(record->key, record->name, record->grades, record->points);
    if (scale.ok()) return std::move(scale).value();
  }
  if (const GradeScale* standard = standard_scale(key)) return *standard;
  return std::nullopt;
}

}  // namespace

FeedbackCycle feedback_cycle_of(store::Connection& connection, Id provider_id) {
  if (auto days = connection.feedback_forms().school_days_per_period(provider_id)) {
    auto cycle = FeedbackCycle::every(*days);
    if (cycle.ok()) return *cycle;
  }
  return FeedbackCycle();
}

std::vector<FeedbackPeriod> placement_periods(store::Connection& connection,
                                              const Placement& placement, Date until) {
  if (!placement.start_date) return {};
  if (placement.actual_end_date && *placement.actual_end_date < until)
    until = *placement.actual_end_date;
  return feedback_periods(*placement.start_date, until, connection.terms_of(placement.provider_id),
                          connection.closure_days_of(placement.provider_id),
                          feedback_cycle_of(connection, placement.provider_id));
}

bool more_school_days_after(store::Connection& connection, Id provider_id, Date end, Date day,
                            int school_days) {
  if (day <= end) return false;
  const auto terms = connection.terms_of(provider_id);
  const auto closures = connection.closure_days_of(provider_id);
  int counted = 0;
  for (Date on = end.plus_days(1); on <= day; on = on.plus_days(1))
    if (is_school_day(on, terms, closures) && ++counted > school_days) return true;
  return false;
}

std::optional<int> nc_year_on(const Pupil& pupil, Date on) {
  return pupil.nc_year(academic_year_start(on));
}

GradeScale working_at_scale(store::Connection& connection, Id organisation_id, Id subject_id,
                            std::optional<int> nc_year) {
  const bool ks3 = nc_year && *nc_year <= 9;
  std::string key = ks3 ? "ks3" : "gcse_fine";
  if (auto configured = connection.assessment_setup().subject_scales(subject_id))
    key = ks3 ? configured->ks3_scale_key : configured->ks4_scale_key;
  if (auto scale = load_scale(connection, organisation_id, key)) return std::move(*scale);
  return *standard_scale(ks3 ? "ks3" : "gcse_fine");
}

std::string grade_label(store::Connection& connection, Id organisation_id,
                        const std::string& scale_key, const std::string& code) {
  if (code.empty()) return "";
  if (auto scale = load_scale(connection, organisation_id, scale_key))
    if (auto grade = scale->find(code)) return grade->label;
  return code;
}

std::vector<FeedbackFormSubject> prefill_subjects(store::Connection& connection, const Pupil& pupil,
                                                  const FeedbackForm& form) {
  const auto tickets =
      connection.classwork().exit_tickets_of(pupil.id, form.period_start, form.period_end);
  std::vector<FeedbackFormSubject> subjects;
  std::map<Id, std::size_t> index_of;
  std::map<Id, std::set<std::string>> seen_topics;
  std::map<Id, std::pair<std::string, std::string>> latest_grade;  // scale key, code
  for (const ExitTicket& ticket : tickets) {
    if (ticket.organisation_id != form.provider_id) continue;
    auto [at, added] = index_of.emplace(ticket.subject_id, subjects.size());
    if (added) {
      FeedbackFormSubject row;
      row.subject_id = ticket.subject_id;
      subjects.push_back(std::move(row));
    }
    FeedbackFormSubject& row = subjects[at->second];
    if (!ticket.topic.empty() && seen_topics[ticket.subject_id].insert(ticket.topic).second &&
        row.topics.size() < kMaxFeedbackTopics)
      row.topics.push_back(ticket.topic.substr(0, kMaxFeedbackTopicLength));
    if (!ticket.grade.empty()) latest_grade[ticket.subject_id] = {ticket.grade_scale, ticket.grade};
  }
  const auto nc_year = nc_year_on(pupil, form.period_end);
  for (FeedbackFormSubject& row : subjects) {
    GradeScale scale = working_at_scale(connection, form.provider_id, row.subject_id, nc_year);
    row.working_at_scale = scale.key();
    if (auto grade = latest_grade.find(row.subject_id);
        grade != latest_grade.end() && grade->second.first == scale.key())
      row.working_at = grade->second.second;
  }
  return subjects;
}

void propose_indicators(store::Connection& connection, const Pupil& pupil, FeedbackForm& form,
                        ErrorList& errors) {
  const auto nc_year = nc_year_on(pupil, form.period_end);
  std::vector<Ks3Expectation> expectations =
      connection.assessment_setup().ks3_expectations(form.provider_id);
  if (expectations.empty()) expectations = default_ks3_expectations();
  // The current target per subject: the latest revision.
  std::map<Id, Target> current_targets;
  for (const Target& target : connection.assessment_setup().targets_of(pupil.id))
    current_targets[target.subject_id] = target;
  std::map<Id, std::string> subject_names;
  for (const Subject& subject : connection.subjects_of(form.provider_id))
    subject_names[subject.id] = subject.name;

  for (std::size_t subject_idx = 0; subject_idx < form.subjects.size(); ++subject_idx) {
    FeedbackFormSubject& row = form.subjects[subject_idx];
    if (auto name = subject_names.find(row.subject_id); name != subject_names.end())
      row.subject_name = name->second;
    else if (row.subject_id > 0)
      errors.add(fmt::format("subjects[{}].subject_id", subject_idx + 1),
                 "is not one of your organisation's subjects");
    const GradeScale scale =
        working_at_scale(connection, form.provider_id, row.subject_id, nc_year);
    row.working_at_scale = scale.key();
    ProposalInput input{.nc_year = nc_year.value_or(0), .term = school_term_of(form.period_end)};
    if (!row.working_at.empty()) {
      auto grade =
          scale.parse(row.working_at, fmt::format("subjects[{}].working_at", subject_idx + 1));
      if (!grade.ok()) {
        errors.add_all(grade.error());
        continue;
      }
      row.working_at = grade->code;
      input.working_at = GradeOnScale{&scale, *grade};
    }
    std::optional<GradeScale> target_scale;
    if (auto target = current_targets.find(row.subject_id); target != current_targets.end()) {
      target_scale = load_scale(connection, form.provider_id, target->second.scale_key);
      if (target_scale)
        if (auto grade = target_scale->find(target->second.grade_code))
          input.ks4_target = GradeOnScale{&*target_scale, *grade};
    }
    ProgressProposal proposal = propose_indicator(input, expectations);
    row.proposed = proposal.indicator;
    row.proposal_reason = proposal.reason;
  }
}

FeedbackForm prefilled_feedback_form(store::Connection& connection, const Pupil& pupil,
                                     const Placement& placement, const FeedbackPeriod& period,
                                     Id created_by, std::int64_t now) {
  FeedbackForm form;
  form.pupil_id = pupil.id;
  form.placement_id = placement.id;
  form.provider_id = placement.provider_id;
  form.period_number = period.number;
  form.period_start = period.start;
  form.period_end = period.end;
  form.created_by = form.updated_by = created_by;
  form.created_at = form.updated_at = now;
  form.subjects = prefill_subjects(connection, pupil, form);
  // The period's attendance from the registers; none while no session has been possible.
  auto attendance = pupil_attendance_summary(connection, pupil.id, period.start, period.end);
  if (attendance.ok() && attendance->rate) form.attendance_percent = *attendance->rate * 100.0;
  ErrorList ignored;  // prefilled grades come from the scale itself
  propose_indicators(connection, pupil, form, ignored);
  return form;
}

}  // namespace waymark::app
