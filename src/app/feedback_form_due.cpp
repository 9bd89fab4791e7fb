#include "app/feedback_form_due.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/feedback_form_prefill.h"
#include "app/visibility.h"
#include "store/feedback_form_store.h"

namespace waymark::app {

namespace {

// Staff of each pupil's teaching groups at the provider.
std::map<Id, std::set<Id>> group_staff_by_pupil(store::Connection& connection, Id provider_id) {
  std::map<Id, std::set<Id>> staff;
  for (const TeachingGroup& group : connection.teaching_groups_of(provider_id))
    for (Id pupil_id : group.pupil_ids)
      staff[pupil_id].insert(group.staff_ids.begin(), group.staff_ids.end());
  return staff;
}

}  // namespace

std::vector<DueForm> due_forms_at(store::Connection& connection, Id provider_id, Date today) {
  store::PupilFilter filter;
  filter.provider_id = provider_id;
  filter.placement_status = PlacementStatus::Active;
  filter.limit = 100000;
  const store::Visibility visibility{OrgKind::Provider, provider_id, false};
  const store::PupilPage page = connection.pupils(visibility, filter);
  std::map<Id, std::string> names;
  std::vector<Id> pupil_ids;
  for (const Pupil& pupil : page.pupils) {
    names[pupil.id] = pupil.display_name();
    pupil_ids.push_back(pupil.id);
  }
  // Forms by (placement, period): sent or not, and the latest version.
  std::map<std::pair<Id, int>, FeedbackForm> latest;
  std::set<std::pair<Id, int>> sent;
  for (FeedbackForm& form : connection.feedback_forms().forms_of_pupils(pupil_ids)) {
    const std::pair<Id, int> key{form.placement_id, form.period_number};
    if (form.status == FeedbackFormStatus::Sent) sent.insert(key);
    latest[key] = std::move(form);
  }
  std::vector<DueForm> due;
  for (const Placement& placement : connection.placements_of_pupils(pupil_ids)) {
    if (placement.provider_id != provider_id || placement.status != PlacementStatus::Active)
      continue;
    for (const FeedbackPeriod& period : placement_periods(connection, placement, today)) {
      if (period.end > today) continue;
      const std::pair<Id, int> key{placement.id, period.number};
      if (sent.count(key) != 0) continue;
      DueForm item;
      item.pupil_id = placement.pupil_id;
      item.pupil_name = names[placement.pupil_id];
      item.placement_id = placement.id;
      item.period = period;
      item.overdue =
          more_school_days_after(connection, provider_id, period.end, today, kOverdueSchoolDays);
      if (auto found = latest.find(key); found != latest.end()) {
        item.form_id = found->second.id;
        item.status = found->second.status;
      }
      due.push_back(std::move(item));
    }
  }
  std::sort(due.begin(), due.end(), [](const DueForm& a, const DueForm& b) {
    if (a.period.end != b.period.end) return a.period.end < b.period.end;
    if (a.pupil_name != b.pupil_name) return a.pupil_name < b.pupil_name;
    return a.placement_id < b.placement_id;
  });
  return due;
}

Result<std::vector<StaffDueForms>> feedback_forms_due(Context& context, const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden("the due list is for the provider's staff");
  auto& connection = context.store.connection();
  const Id provider_id = actor.organisation_id;
  const std::vector<DueForm> due = due_forms_at(connection, provider_id, context.clock.today());
  const auto group_staff = group_staff_by_pupil(connection, provider_id);
  const std::vector<User> users = connection.users_in(provider_id);
  std::vector<Id> fallback;
  for (Role role : {Role::Head, Role::Admin}) {
    for (const User& user : users)
      if (user.active && user.roles.has(role)) fallback.push_back(user.id);
    if (!fallback.empty()) break;
  }
  std::map<Id, StaffDueForms> by_staff;
  for (const User& user : users) by_staff[user.id] = {user.id, user.display_name, {}};
  for (const DueForm& item : due) {
    auto staff = group_staff.find(item.pupil_id);
    const std::vector<Id> writers =
        staff != group_staff.end() && !staff->second.empty()
            ? std::vector<Id>(staff->second.begin(), staff->second.end())
            : fallback;
    for (Id user_id : writers)
      if (auto found = by_staff.find(user_id); found != by_staff.end())
        found->second.forms.push_back(item);
  }
  std::vector<StaffDueForms> result;
  for (auto& [user_id, staff] : by_staff)
    if (!staff.forms.empty()) result.push_back(std::move(staff));
  std::sort(result.begin(), result.end(), [](const StaffDueForms& a, const StaffDueForms& b) {
    return a.display_name < b.display_name;
  });
  return result;
}

Result<std::vector<SentFormItem>> sent_feedback_forms(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role");
  auto& connection = context.store.connection();
  store::PupilFilter filter;
  filter.limit = 100000;
  const store::PupilPage page = connection.pupils(visibility_of(actor), filter);
  std::map<Id, std::string> names;
  std::vector<Id> pupil_ids;
  for (const Pupil& pupil : page.pupils) {
    names[pupil.id] = pupil.display_name();
    pupil_ids.push_back(pupil.id);
  }
  std::map<std::pair<Id, int>, FeedbackForm> latest_sent;
  for (FeedbackForm& form : connection.feedback_forms().forms_of_pupils(pupil_ids))
    if (form.status == FeedbackFormStatus::Sent)
      latest_sent[{form.placement_id, form.period_number}] = std::move(form);
  std::map<Id, std::string> provider_names;
  std::vector<SentFormItem> items;
  for (auto& [key, form] : latest_sent) {
    auto provider = provider_names.find(form.provider_id);
    if (provider == provider_names.end()) {
      auto organisation = connection.organisation(form.provider_id);
      provider =
          provider_names.emplace(form.provider_id, organisation ? organisation->name : "").first;
    }
    std::string pupil_name = names[form.pupil_id];
    SentFormItem item{std::move(form), std::move(pupil_name), provider->second};
    items.push_back(std::move(item));
  }
  std::sort(items.begin(), items.end(), [](const SentFormItem& a, const SentFormItem& b) {
    if (a.form.period_end != b.form.period_end) return a.form.period_end > b.form.period_end;
    return a.pupil_name < b.pupil_name;
  });
  return items;
}

}  // namespace waymark::app
