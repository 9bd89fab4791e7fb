// Feedback forms (issue 3): the forms with their subject rows, and each provider's feedback cycle
// (school days per period). Reached as connection.feedback_forms(), sharing its transaction.
//
// Reads return nullopt / empty when nothing matches; a form is always read with its subject rows
// (subject_name filled from the subjects table), rows in the order written. Faults of the
// database throw StoreFault. Authorisation is app's job: these calls do not check who asks.
#pragma once

#include <optional>
#include <vector>

#include "core/feedback_form.h"
#include "core/ids.h"

namespace waymark::store {

class FeedbackFormStore {
 public:
  virtual ~FeedbackFormStore() = default;

  virtual std::optional<FeedbackForm> form(Id id) = 0;
  // Every version of every form of the pupil, by period then version (oldest first).
  virtual std::vector<FeedbackForm> forms_of_pupil(Id pupil_id) = 0;
  // Every version of every form of the placement, by period then version.
  virtual std::vector<FeedbackForm> forms_of_placement(Id placement_id) = 0;
  // The forms of many pupils (every version), by pupil, period, version. For lists.
  virtual std::vector<FeedbackForm> forms_of_pupils(const std::vector<Id>& pupil_ids) = 0;
  // The forms written at a provider, every version, by pupil, period, version.
  virtual std::vector<FeedbackForm> forms_at_provider(Id provider_id) = 0;
  // Every form, every version (the CLI report), by provider, pupil, period, version.
  virtual std::vector<FeedbackForm> all_forms() = 0;

  // Inserts the form and its subject rows; returns the new id. Conflict on field "period_number"
  // when the placement already has that version of that period.
  virtual Result<Id> insert_form(const FeedbackForm& form) = 0;
  // Rewrites the form's own columns (status, comment, attendance, sent, updated) and replaces
  // its subject rows. Identity columns (pupil, placement, period, version) never change.
  virtual void update_form(const FeedbackForm& form) = 0;

  // The provider's cycle in school days; nullopt when it has not set one (the default applies).
  virtual std::optional<int> school_days_per_period(Id provider_id) = 0;
  virtual void set_school_days_per_period(Id provider_id, int school_days) = 0;
};

}  // namespace waymark::store
