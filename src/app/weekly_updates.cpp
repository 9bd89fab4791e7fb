#include "app/weekly_updates.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/monitoring_access.h"
#include "app/monitoring_codec.h"
#include "app/notifications.h"
#include "app/visibility.h"
#include "store/monitoring_store.h"

namespace waymark::app {

namespace {

std::string organisation_name(store::Connection& connection, Id id) {
  auto organisation = connection.organisation(id);
  return organisation ? organisation->name : "";
}

std::string pupil_name(store::Connection& connection, Id pupil_id) {
  auto pupil = connection.pupil(pupil_id);
  return pupil ? pupil->sort_name() : "";
}

void sort_lines(std::vector<UpdateLine>& lines) {
  std::sort(lines.begin(), lines.end(), [](const UpdateLine& a, const UpdateLine& b) {
    return a.pupil_name != b.pupil_name ? a.pupil_name < b.pupil_name : a.pupil_id < b.pupil_id;
  });
}

// A sent update as its commissioner (or provider) reads it; lines about pupils the reader cannot
// see are left out.
WeeklyUpdateView sent_view(store::Connection& connection, const store::WeeklyUpdate& update,
                           const store::Visibility& visibility) {
  WeeklyUpdateView view;
  view.provider_id = update.provider_id;
  view.provider_name = organisation_name(connection, update.provider_id);
  view.commissioner_id = update.commissioner_id;
  view.commissioner_name = organisation_name(connection, update.commissioner_id);
  view.week_start = update.week_start;
  view.sent = true;
  view.sent_at = update.sent_at;
  view.sent_by = update.sent_by;
  if (auto user = connection.user(update.sent_by)) view.sent_by_name = user->display_name;
  for (const store::WeeklyUpdateItem& item : update.items)
    if (connection.pupil_visible(item.pupil_id, visibility))
      view.lines.push_back(
          {item.pupil_id, pupil_name(connection, item.pupil_id), item.rag, item.comment});
  sort_lines(view.lines);
  return view;
}

// The provider's updates for one week, one per commissioner (all when `only` is 0).
std::vector<WeeklyUpdateView> provider_week(store::Connection& connection, const Actor& actor,
                                            Date monday, Id only = 0) {
  std::map<Id, store::WeeklyRagRecord> confirmed;
  for (store::WeeklyRagRecord& record :
       connection.monitoring().weekly_rags_of_provider(actor.organisation_id, monday))
    confirmed[record.placement_id] = std::move(record);
  std::map<Id, WeeklyUpdateView> by_commissioner;
  for (const PlacedPupil& placed :
       placed_pupils_in_week(connection, actor.organisation_id, monday)) {
    const Id commissioner_id = placed.placement.commissioner_id;
    if (only != 0 && commissioner_id != only) continue;
    WeeklyUpdateView& view = by_commissioner[commissioner_id];
    UpdateLine line{placed.placement.pupil_id, placed.name, std::nullopt, ""};
    if (auto found = confirmed.find(placed.placement.id); found != confirmed.end()) {
      line.rag = found->second.confirmed;
      line.comment = found->second.comment;
    }
    view.lines.push_back(std::move(line));
  }
  const store::Visibility visibility = visibility_of(actor);
  std::vector<WeeklyUpdateView> views;
  for (auto& [commissioner_id, draft] : by_commissioner) {
    if (auto sent =
            connection.monitoring().weekly_update(actor.organisation_id, commissioner_id, monday)) {
      views.push_back(sent_view(connection, *sent, visibility));
      continue;
    }
    draft.provider_id = actor.organisation_id;
    draft.provider_name = organisation_name(connection, actor.organisation_id);
    draft.commissioner_id = commissioner_id;
    draft.commissioner_name = organisation_name(connection, commissioner_id);
    draft.week_start = monday;
    sort_lines(draft.lines);
    views.push_back(std::move(draft));
  }
  std::sort(views.begin(), views.end(), [](const WeeklyUpdateView& a, const WeeklyUpdateView& b) {
    return a.commissioner_name < b.commissioner_name;
  });
  return views;
}

}  // namespace

int WeeklyUpdateView::unconfirmed() const {
  return static_cast<int>(
      std::count_if(lines.begin(), lines.end(), [](const UpdateLine& line) { return !line.rag; }));
}

Result<std::vector<WeeklyUpdateView>> weekly_updates(Context& context, const Actor& actor,
                                                     std::optional<Date> any_day) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  auto& connection = context.store.connection();
  const Date today = context.clock.today();
  if (actor.organisation_kind == OrgKind::Provider) {
    const Date monday = WAYMARK_TRY(started_week(any_day.value_or(today), today));
    return provider_week(connection, actor, monday);
  }
  std::optional<Date> monday;
  if (any_day) monday = week_monday(*any_day);
  const store::Visibility visibility = visibility_of(actor);
  std::vector<WeeklyUpdateView> views;
  for (const store::WeeklyUpdate& header :
       connection.monitoring().weekly_updates_to(actor.organisation_id)) {
    if (monday && header.week_start != *monday) continue;
    auto update = connection.monitoring().weekly_update(header.provider_id, header.commissioner_id,
                                                        header.week_start);
    if (update) views.push_back(sent_view(connection, *update, visibility));
  }
  return views;
}

Result<WeeklyUpdateView> weekly_update(Context& context, const Actor& actor, Id commissioner_id,
                                       Date any_day) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  auto& connection = context.store.connection();
  const Date monday = week_monday(any_day);
  if (actor.organisation_kind == OrgKind::Provider) {
    if (monday > week_monday(context.clock.today())) return Error::not_found("weekly update");
    auto views = provider_week(connection, actor, monday, commissioner_id);
    if (views.empty()) return Error::not_found("weekly update");
    return std::move(views.front());
  }
  if (commissioner_id != actor.organisation_id) return Error::not_found("weekly update");
  // A commissioner may hear from several providers in one week: this is the first provider's
  // (the newest sent); weekly_updates() lists them all.
  for (const store::WeeklyUpdate& header :
       connection.monitoring().weekly_updates_to(commissioner_id))
    if (header.week_start == monday)
      if (auto update =
              connection.monitoring().weekly_update(header.provider_id, commissioner_id, monday))
        return sent_view(connection, *update, visibility_of(actor));
  return Error::not_found("weekly update");
}

Result<WeeklyUpdateView> send_weekly_update(Context& context, const Actor& actor,
                                            Id commissioner_id, Date any_day) {
  WAYMARK_TRY_STATUS(require_monitoring_writer(actor, "weekly updates"));
  const Date today = context.clock.today();
  const Date monday = WAYMARK_TRY(started_week(any_day, today));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(
      context.store.connection(), [&](store::Connection& tx) -> Result<WeeklyUpdateView> {
        if (tx.monitoring().weekly_update(actor.organisation_id, commissioner_id, monday))
          return Error::conflict("week", "this week's update was sent already");
        auto views = provider_week(tx, actor, monday, commissioner_id);
        if (views.empty()) return Error::not_found("weekly update");
        const WeeklyUpdateView& draft = views.front();
        if (const int missing = draft.unconfirmed(); missing > 0)
          return Error::invalid(
              "week",
              fmt::format("confirm every pupil's RAG first ({} still to confirm)", missing));
        store::WeeklyUpdate update{.id = 0,
                                   .provider_id = actor.organisation_id,
                                   .commissioner_id = commissioner_id,
                                   .week_start = monday,
                                   .sent_by = actor.user_id,
                                   .sent_at = now,
                                   .items = {}};
        for (const UpdateLine& line : draft.lines)
          update.items.push_back({line.pupil_id, *line.rag, line.comment});
        update.id = tx.monitoring().insert_weekly_update(update);
        const Notice notice{
            .topic = "rag.weekly_update",
            .subject = "A weekly progress update has arrived",
            .body = fmt::format("{} has sent its weekly RAG update for the week of {}.",
                                draft.provider_name, monday.uk()),
            .link = "/rag/updates?week=" + monday.iso(),
            .pupil_id = std::nullopt};
        WAYMARK_TRY(notify_organisation(
            tx, now, commissioner_id, Roles{Role::Commissioner, Role::Head, Role::Admin}, notice));
        record_audit(tx, actor, now, "send", "weekly_update", update.id, 0, nullptr,
                     to_json(update));
        auto sent = tx.monitoring().weekly_update(actor.organisation_id, commissioner_id, monday);
        return sent_view(tx, *sent, visibility_of(actor));
      });
}

Result<std::vector<LatestRag>> latest_sent_rags(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  auto& connection = context.store.connection();
  const store::Visibility visibility = visibility_of(actor);
  std::map<Id, LatestRag> latest;
  // Newest week first, so the first line seen for a pupil is their latest.
  for (const store::WeeklyUpdate& header :
       connection.monitoring().weekly_updates_to(actor.organisation_id)) {
    auto update = connection.monitoring().weekly_update(header.provider_id, header.commissioner_id,
                                                        header.week_start);
    if (!update) continue;
    for (const store::WeeklyUpdateItem& item : update->items) {
      if (latest.contains(item.pupil_id) || !connection.pupil_visible(item.pupil_id, visibility))
        continue;
      latest[item.pupil_id] = LatestRag{item.pupil_id,      pupil_name(connection, item.pupil_id),
                                        update->week_start, item.rag,
                                        item.comment,       update->provider_id};
    }
  }
  std::vector<LatestRag> list;
  for (auto& [pupil_id, rag] : latest) list.push_back(std::move(rag));
  std::sort(list.begin(), list.end(),
            [](const LatestRag& a, const LatestRag& b) { return a.pupil_name < b.pupil_name; });
  return list;
}

}  // namespace waymark::app
