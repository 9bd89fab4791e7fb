// What Waymark works out for a feedback form before the teacher writes it: the placement's
// feedback periods (core feedback_period.h with the provider's calendar and cycle), the subject
// rows prefilled from the exit tickets in the period, and the proposed progress indicator per
// subject (core propose_indicator: KS3 against the provider's expectation table, KS4 against the
// pupil's own current target). Internal to the feedback form use cases; no authorisation here.
#pragma once

#include <optional>
#include <vector>

#include "core/feedback_form.h"
#include "core/feedback_period.h"
#include "core/grade_scale.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "store/store.h"

namespace waymark::app {

// The provider's cycle: its setting, else every 15 school days.
FeedbackCycle feedback_cycle_of(store::Connection& connection, Id provider_id);

// The placement's periods that have started by `until`; empty when it has not started.
std::vector<FeedbackPeriod> placement_periods(store::Connection& connection,
                                              const Placement& placement, Date until);

// Whether `day` is after the period's end by more than `school_days` school days of the provider.
bool more_school_days_after(store::Connection& connection, Id provider_id, Date end, Date day,
                            int school_days);

// The pupil's NC year in the academic year containing `on` (nullopt when not known).
std::optional<int> nc_year_on(const Pupil& pupil, Date on);

// The scale working-at grades of `subject_id` are on for a pupil in `nc_year`: the subject's
// configured scale (assessment setup), else ks3 for Years 7-9 and gcse_fine otherwise.
GradeScale working_at_scale(store::Connection& connection, Id organisation_id, Id subject_id,
                            std::optional<int> nc_year);

// The label of a grade for display ("Secure-" for ks3 "S-"); the code itself when the scale or the
// grade is not found, and "" for "".
std::string grade_label(store::Connection& connection, Id organisation_id,
                        const std::string& scale_key, const std::string& code);

// Subject rows for a new form: every subject with exit tickets in the period, in the order first
// taught, with the distinct topics in date order and the latest graded exit ticket's grade as the
// starting working-at grade when it is on the subject's scale.
std::vector<FeedbackFormSubject> prefill_subjects(store::Connection& connection, const Pupil& pupil,
                                                  const FeedbackForm& form);

// A new draft (version 1) for the placement's `period`, created by `created_by` (0: nobody, the
// CLI acting with the database's authority) at `now`: subject rows prefilled and indicators
// proposed, attendance taken from the registers. create_feedback_form stores one; the CLI and the
// demo start due forms with it. Not stored here; no authorisation here.
FeedbackForm prefilled_feedback_form(store::Connection& connection, const Pupil& pupil,
                                     const Placement& placement, const FeedbackPeriod& period,
                                     Id created_by, std::int64_t now);

// Normalises each row's working-at grade onto its scale (adding "subjects[N].working_at" errors
// with the scale's message for a grade not on it), fills subject names, and recomputes the
// proposed indicator and its reason.
void propose_indicators(store::Connection& connection, const Pupil& pupil, FeedbackForm& form,
                        ErrorList& errors);

}  // namespace waymark::app
