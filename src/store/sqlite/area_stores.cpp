// The Connection's accessors for the assessment areas: each store is made on first use.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

AssessmentSetupStore& SqliteConnection::assessment_setup() {
  if (!assessment_setup_) assessment_setup_ = make_assessment_setup_store(db_);
  return *assessment_setup_;
}

BaselineStore& SqliteConnection::baselines() {
  if (!baselines_) baselines_ = make_baseline_store(db_);
  return *baselines_;
}

ClassworkStore& SqliteConnection::classwork() {
  if (!classwork_) classwork_ = make_classwork_store(db_);
  return *classwork_;
}

FeedbackFormStore& SqliteConnection::feedback_forms() {
  if (!feedback_forms_) feedback_forms_ = make_feedback_form_store(db_);
  return *feedback_forms_;
}

NotificationStore& SqliteConnection::notifications() {
  if (!notifications_) notifications_ = make_notification_store(db_);
  return *notifications_;
}

AttendanceStore& SqliteConnection::attendance() {
  if (!attendance_) attendance_ = make_attendance_store(db_);
  return *attendance_;
}

MonitoringStore& SqliteConnection::monitoring() {
  if (!monitoring_) monitoring_ = make_monitoring_store(db_);
  return *monitoring_;
}

ContactStore& SqliteConnection::contacts() {
  if (!contacts_) contacts_ = make_contact_store(db_);
  return *contacts_;
}

BehaviourStore& SqliteConnection::behaviour() {
  if (!behaviour_) behaviour_ = make_behaviour_store(db_);
  return *behaviour_;
}

}  // namespace waymark::store::sqlite
