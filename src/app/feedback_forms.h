// Use cases on the 3-weekly feedback form (policy 000 ¶4-6).
//
// Who may do what: the staff (admin, teacher, head) of the provider a form belongs to write it and
// see it in every state. Anyone else who can see the pupil (the commissioning school, the LA, the
// school whose roll the pupil is on) sees SENT forms only; a draft or ready form is NotFound to
// them, exactly as another organisation's pupil is. Every write is audited in its transaction
// (entity "feedback_form").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/feedback_form.h"
#include "core/feedback_period.h"
#include "core/user.h"

namespace waymark::app {

// Whether the actor writes this provider's forms (its admins, teachers and heads).
bool writes_feedback_forms(const Actor& actor, Id provider_id);

// The pupil's forms the actor may see (see above), by period then version. NotFound for an
// invisible pupil.
Result<std::vector<FeedbackForm>> pupil_feedback_forms(Context& context, const Actor& actor,
                                                       Id pupil_id);

// One form. NotFound when the pupil is invisible or the form is not sent and not the actor's
// provider's.
Result<FeedbackForm> get_feedback_form(Context& context, const Actor& actor, Id form_id);

// Creates the draft for the pupil's placement at the actor's provider, for period
// `period_number` (default: the latest period that has started), prefilled with the subjects and
// topics of the exit tickets in the period and the proposed indicators. NotFound for an invisible
// pupil; Forbidden unless the actor writes forms for a provider the pupil is placed with; Invalid
// on "placement_id" when the placement has not started, on "period_number" for a period that has
// not started; Conflict on "period_number" when the period already has a form.
Result<FeedbackForm> create_feedback_form(Context& context, const Actor& actor, Id pupil_id,
                                          std::optional<int> period_number = std::nullopt);

// The periods of the pupil's placement at the actor's provider that have started, for the create
// form's choice. Empty when the actor does not write forms for a provider the pupil is placed with.
Result<std::vector<FeedbackPeriod>> open_feedback_periods(Context& context, const Actor& actor,
                                                          Id pupil_id);

// Changes a draft or ready form: `change` edits the comment and the subject rows (topics, ATL,
// working-at grade, chosen indicator, override reason); proposals are then recomputed and the
// whole form validated (validate_feedback_form). Conflict on "status" for a sent form, and on
// "updated_at" when `expected_updated_at` is given and stale.
using FeedbackFormChange = std::function<void(FeedbackForm&, ErrorList&)>;
Result<FeedbackForm> update_feedback_form(
    Context& context, const Actor& actor, Id form_id, const FeedbackFormChange& change,
    std::optional<std::int64_t> expected_updated_at = std::nullopt);

// Moves the form: Ready (from draft; the form must be complete), Draft (from ready), Sent (from
// ready; stamps sent_at and sent_by and locks the form). Invalid on "status" for another move.
Result<FeedbackForm> set_feedback_form_status(Context& context, const Actor& actor, Id form_id,
                                              FeedbackFormStatus to);

// Corrects a sent form: a new draft version (version + 1, supersedes_id = the sent form) with the
// same content; both are kept. Conflict on "status" when the form is not sent, and on "version"
// when a later version already exists.
Result<FeedbackForm> correct_feedback_form(Context& context, const Actor& actor, Id form_id);

// The provider's feedback cycle in school days (admins and heads of the provider may change it;
// Forbidden otherwise; Invalid on "school_days_per_period" outside 1..60).
Result<int> feedback_cycle_days(Context& context, const Actor& actor);
Result<int> set_feedback_cycle_days(Context& context, const Actor& actor, int school_days);

}  // namespace waymark::app
