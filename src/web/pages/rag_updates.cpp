// /rag/updates?week=: weekly updates. A provider sees the week's update for each commissioning
// school, sent or not, and sends it (POST /rag/updates/send); a school or LA sees the updates
// sent to it.
#include <fmt/format.h>

#include "app/weekly_updates.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"
#include "web/pages/rag_helpers.h"

namespace waymark::web {

namespace {

Data update_data(const app::WeeklyUpdateView& view, bool can_send, const std::string& csrf) {
  Data item{Data::type::object};
  item.set("id", fmt::format("update-{}-{}", view.commissioner_id, view.week_start.iso()));
  item.set("provider", view.provider_name);
  item.set("school", view.commissioner_name);
  item.set("week", view.week_start.iso());
  item.set("week_label", format_date(view.week_start));
  item.set("sent", view.sent);
  item.set("sent_label", view.sent ? fmt::format("Sent by {} ({})", view.sent_by_name,
                                                 iso_utc(view.sent_at).substr(0, 10))
                                   : "Not sent");
  List lines;
  for (const app::UpdateLine& line : view.lines) {
    Data row{Data::type::object};
    row.set("name", line.pupil_name);
    row.set("href", fmt::format("/pupils/{}/rag", line.pupil_id));
    row.set("rag", line.rag ? rag_tag(*line.rag) : Data(false));
    row.set("comment", line.comment);
    lines.push_back(row);
  }
  item.set("lines", lines);
  const bool sendable = can_send && !view.sent && view.unconfirmed() == 0;
  item.set("send", sendable ? Data(Object{{"commissioner_id", std::to_string(view.commissioner_id)},
                                          {"csrf_token", csrf}})
                            : Data(false));
  item.set("waiting", !view.sent && view.unconfirmed() > 0
                          ? Data(fmt::format("{} RAGs still to confirm", view.unconfirmed()))
                          : Data(false));
  return item;
}

Response render_updates(const Templates& templates, Exchange& exchange, Date week,
                        const std::string& flash) {
  const bool provider = exchange.actor.organisation_kind == OrgKind::Provider;
  auto updates = app::weekly_updates(exchange.app, exchange.actor,
                                     provider || !exchange.request.param("week").empty()
                                         ? std::optional<Date>(week)
                                         : std::nullopt);
  if (!updates.ok()) return error_page(templates, exchange, updates.error());
  const bool can_send = provider && exchange.actor.can_edit_pupils();
  List items;
  for (const auto& view : *updates)
    items.push_back(update_data(view, can_send, exchange.csrf_token));
  Data data{Data::type::object};
  data.set("provider", provider);
  data.set("week", week_monday(week).iso());
  data.set("week_label", format_date(week_monday(week)));
  data.set("previous_week", week_monday(week).plus_days(-7).iso());
  data.set("updates", items);
  data.set("has_updates", !items.empty());
  PageFrame frame = page_frame(exchange, "Weekly updates", provider ? "/rag" : "/rag/updates");
  frame.flash = flash;
  return render_page(templates, frame, "rag_updates", data);
}

}  // namespace

void register_rag_updates_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/rag/updates", [&templates](Exchange& exchange) {
    const Date week = week_param(exchange.request.param("week"), exchange.app.clock.today());
    return render_updates(templates, exchange, week,
                          exchange.request.param("sent").empty() ? "" : "Weekly update sent");
  });
  router.page(Method::Post, "/rag/updates/send", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    const Date week = week_param(form_text(form, "week"), exchange.app.clock.today());
    auto sent = app::send_weekly_update(exchange.app, exchange.actor,
                                        read_form_id(form, "commissioner_id"), week);
    if (!sent.ok()) return error_page(templates, exchange, sent.error());
    return Response::redirect(fmt::format("/rag/updates?week={}&sent=1", week_monday(week).iso()));
  });
}

}  // namespace waymark::web
