// /pupils/{id}/behaviour: a pupil's incidents and rewards as the reader may see them (the
// placement's sharing agreement decides what a home school sees; no other pupil is ever named to
// it), the form to give a reward, and, for the provider's admins, each placement's sharing.
#include <fmt/format.h>

#include "app/behaviour_pupil.h"
#include "web/pages/contact_behaviour_pages.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

const char* sharing_text(SharingLevel level) {
  switch (level) {
    case SharingLevel::None:
      return "Nothing";
    case SharingLevel::Summary:
      return "A summary (counts by severity, reward points)";
    case SharingLevel::Full:
      return "In full (never naming other pupils)";
  }
  return "";
}

Response render(const Templates& templates, Exchange& exchange, Id pupil_id,
                const std::vector<FieldError>& errors, const Params& form, int status) {
  auto view =
      app::pupil_behaviour(exchange.app, exchange.actor, pupil_id, std::nullopt, std::nullopt);
  if (!view.ok()) return error_page(templates, exchange, view.error());
  Data data{Data::type::object};
  data.set("pupil_id", std::to_string(pupil_id));
  data.set("name", view->pupil_name);
  data.set("csrf_token", exchange.csrf_token);
  data.set("errors", error_map(errors));
  data.set("can_write", view->can_write);
  data.set("summary_only", view->shared_summary_only);
  data.set("incident_total", std::to_string(view->incident_total));
  data.set("points_total", std::to_string(view->points_total));
  data.set("student_of_the_week", std::to_string(view->student_of_the_week));
  List severities;
  for (const app::SeverityCount& count : view->by_severity) {
    Data item{Data::type::object};
    item.set("severity", label(count.severity));
    item.set("count", std::to_string(count.count));
    severities.push_back(item);
  }
  data.set("severities", severities);

  List incidents;
  for (const app::IncidentView& item : view->incidents) {
    const BehaviourIncident& incident = item.incident;
    Data row{Data::type::object};
    row.set("date", format_date(incident.incident_date));
    row.set("time", format_time_of_day(incident.time_minutes));
    row.set("type", incident.type);
    row.set("severity", label(incident.severity));
    row.set("description", incident.description);
    row.set("action_taken", optional_text(incident.action_taken));
    row.set("follow_up", optional_text(incident.follow_up));
    std::string others;
    for (const app::NamedPupil& pupil : item.pupils)
      if (pupil.id != pupil_id) others += (others.empty() ? "" : ", ") + pupil.name;
    row.set("others", optional_text(others));
    std::string told;
    for (const Involvement& involvement : incident.pupils)
      if (involvement.pupil_id == pupil_id && involvement.home_school_informed_on)
        told = format_date(*involvement.home_school_informed_on);
    row.set("told", optional_text(told));
    incidents.push_back(row);
  }
  data.set("incidents", incidents);
  data.set("has_incidents", !incidents.empty());

  List rewards;
  for (const Reward& reward : view->rewards) {
    Data row{Data::type::object};
    row.set("date", format_date(reward.award_date));
    row.set("what", reward.kind == RewardKind::StudentOfTheWeek
                        ? std::string("Student of the Week")
                        : fmt::format("{} point{}", reward.points, reward.points == 1 ? "" : "s"));
    row.set("reason", reward.reason);
    rewards.push_back(row);
  }
  data.set("rewards", rewards);
  data.set("has_rewards", !rewards.empty());
  const std::string kind = form_text(form, "kind");
  data.set(
      "kinds",
      choice_list("kind", {{"points", "Points"}, {"student_of_the_week", "Student of the Week"}},
                  {kind.empty() ? "points" : kind}));
  const std::string points = form_text(form, "points");
  data.set("points", points.empty() ? "1" : points);
  data.set("reason", form_text(form, "reason"));
  const std::string date = form_text(form, "award_date");
  data.set("award_date", date.empty() ? exchange.app.clock.today().iso() : date);

  List sharing;
  for (const app::PlacementSharing& item : view->sharing) {
    Data row{Data::type::object};
    row.set("placement_id", std::to_string(item.placement.id));
    row.set("commissioner", item.commissioner_name);
    row.set("level", sharing_text(item.level));
    row.set("default", !item.recorded);
    row.set("can_set", view->can_set_sharing);
    const std::string field = "behaviour_" + std::to_string(item.placement.id);
    List options = choice_list(field,
                               {{"none", sharing_text(SharingLevel::None)},
                                {"summary", sharing_text(SharingLevel::Summary)},
                                {"full", sharing_text(SharingLevel::Full)}},
                               {to_string(item.level)});
    row.set("options", options);
    sharing.push_back(row);
  }
  data.set("sharing", sharing);
  data.set("has_sharing", !sharing.empty());

  PageFrame frame = page_frame(exchange, "Behaviour: " + view->pupil_name, "/pupils");
  frame.errors = errors;
  const std::string saved = exchange.request.param("saved");
  if (saved == "reward") frame.flash = "Reward given";
  if (saved == "sharing") frame.flash = "Sharing agreement saved";
  return render_page(templates, frame, "behaviour_pupil", data, status);
}

Response give_reward(const Templates& templates, Exchange& exchange, Id pupil_id) {
  const Params form = exchange.form();
  ErrorList errors;
  Reward reward;
  reward.pupil_id = pupil_id;
  auto kind = parse_reward_kind(form_text(form, "kind"));
  if (kind.ok())
    reward.kind = *kind;
  else
    errors.add_all(kind.error());
  reward.award_date = read_form_date(form, "award_date", Required::Yes, errors)
                          .value_or(exchange.app.clock.today());
  if (reward.kind == RewardKind::Points)
    reward.points = read_form_int(form, "points", errors).value_or(0);
  reward.reason = form_text(form, "reason");
  if (!errors.empty()) return render(templates, exchange, pupil_id, errors.fields(), form, 422);
  auto given = app::add_reward(exchange.app, exchange.actor, reward);
  if (!given.ok()) {
    if (given.error().kind != ErrorKind::Invalid && given.error().kind != ErrorKind::Conflict)
      return error_page(templates, exchange, given.error());
    return render(templates, exchange, pupil_id, given.error().fields, form, 422);
  }
  return Response::redirect(fmt::format("/pupils/{}/behaviour?saved=reward", pupil_id));
}

}  // namespace

void register_pupil_behaviour_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils/{id}/behaviour", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return render(templates, exchange, *id, {}, {}, 200);
  });
  router.page(Method::Post, "/pupils/{id}/behaviour/rewards", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    return give_reward(templates, exchange, *id);
  });
  router.page(Method::Post, "/placements/{id}/sharing", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "placement");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    const Params form = exchange.form();
    auto level = parse_sharing_level(form_text(form, "behaviour_" + std::to_string(*id)));
    if (!level.ok()) return error_page(templates, exchange, level.error());
    auto saved = app::set_placement_sharing(exchange.app, exchange.actor, *id, *level);
    if (!saved.ok()) return error_page(templates, exchange, saved.error());
    return Response::redirect(
        fmt::format("/pupils/{}/behaviour?saved=sharing", saved->placement.pupil_id));
  });
}

}  // namespace waymark::web
