// /rag?week=: the provider's weekly RAG for one week: every pupil placed that week with the
// proposal, its reasons and a confirm/override control and one-line comment; POST /rag saves the
// rows, POST /rag/confirm-unchanged confirms every open proposal as it stands.
#include <map>

#include <fmt/format.h>

#include "app/weekly_rag.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"
#include "web/pages/rag_helpers.h"

namespace waymark::web {

namespace {

Response render_week(const Templates& templates, Exchange& exchange, Date any_day,
                     const Params* posted, const std::vector<FieldError>& errors,
                     const std::string& flash) {
  auto week = app::rag_week(exchange.app, exchange.actor, any_day);
  if (!week.ok()) {
    if (week.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, week.error());
    week = app::rag_week(exchange.app, exchange.actor, exchange.app.clock.today());
    if (!week.ok()) return error_page(templates, exchange, week.error());
  }
  const Data error_data = error_map(errors);
  List rows;
  for (const app::RagWeekRow& row : week->rows) {
    const std::string key = std::to_string(row.pupil_id);
    auto value = [&](const std::string& name, const std::string& stored) {
      return posted ? form_text(*posted, name + "_" + key) : stored;
    };
    Data item{Data::type::object};
    item.set("pupil_id", key);
    item.set("name", row.pupil_name);
    item.set("href", fmt::format("/pupils/{}/rag", row.pupil_id));
    item.set("school", row.commissioner_name);
    item.set("proposed", rag_tag(row.proposal.rag));
    List reasons;
    for (const std::string& reason : row.proposal.reasons) reasons.push_back(Data(reason));
    item.set("reasons", reasons);
    item.set("confirmed", row.confirmed ? rag_tag(row.confirmed->confirmed) : Data(false));
    const std::string chosen =
        value("rag", row.confirmed ? to_string(row.confirmed->confirmed) : "");
    std::vector<Option> options = {{"red", "Red"}, {"amber", "Amber"}, {"green", "Green"}};
    item.set("options", option_list(options, chosen,
                                    fmt::format("As proposed ({})", label(row.proposal.rag))));
    item.set("reason", value("reason", row.confirmed ? row.confirmed->override_reason : ""));
    item.set("comment", value("comment", row.confirmed ? row.confirmed->comment : ""));
    item.set("error", optional_text(error_for(error_data, "row_" + key)));
    rows.push_back(item);
  }
  Data data{Data::type::object};
  data.set("week", week->week_start.iso());
  data.set("week_label", format_date(week->week_start));
  data.set("previous_week", week->week_start.plus_days(-7).iso());
  const Date this_week = week_monday(exchange.app.clock.today());
  data.set("next_week",
           week->week_start < this_week ? Data(week->week_start.plus_days(7).iso()) : Data(false));
  data.set("rows", rows);
  data.set("has_rows", !rows.empty());
  data.set("unconfirmed", std::to_string(week->unconfirmed()));
  data.set("can_confirm", week->can_confirm && !rows.empty());
  data.set("csrf_token", exchange.csrf_token);
  PageFrame frame = page_frame(exchange, "Weekly RAG", "/rag");
  frame.errors = errors;
  frame.flash = flash;
  return render_page(templates, frame, "rag_week", data);
}

// Saves every row that is new or changed, all or none; errors name "row_<pupil id>".
std::vector<FieldError> save_rows(Exchange& exchange, Date week, const Params& form, int& saved) {
  auto current = app::rag_week(exchange.app, exchange.actor, week);
  if (!current.ok()) return {{"week", current.error().message}};
  std::vector<app::PupilRagConfirmation> rows;
  std::map<std::string, std::string> names;  // "pupils[12]" -> "Smith, Sam"
  for (const app::RagWeekRow& row : current->rows) {
    const std::string key = std::to_string(row.pupil_id);
    if (form.find("comment_" + key) == form.end()) continue;  // not on the posted page
    app::RagConfirmation request;
    const std::string rag_text = form_text(form, "rag_" + key);
    if (!rag_text.empty()) {
      auto rag = parse_rag(rag_text);
      if (rag.ok()) request.rag = *rag;
    }
    request.override_reason = form_text(form, "reason_" + key);
    request.comment = form_text(form, "comment_" + key);
    if (row.confirmed && request.rag.value_or(row.proposal.rag) == row.confirmed->confirmed &&
        request.comment == row.confirmed->comment &&
        request.override_reason == row.confirmed->override_reason)
      continue;  // unchanged
    names[fmt::format("pupils[{}]", row.pupil_id)] = row.pupil_name;
    rows.push_back({row.pupil_id, std::move(request)});
  }
  auto result = app::confirm_weekly_rags(exchange.app, exchange.actor, week, rows);
  if (result.ok()) {
    saved = *result;
    return {};
  }
  if (result.error().fields.empty()) return {{"week", result.error().message}};
  std::vector<FieldError> errors;
  for (const FieldError& error : result.error().fields) {
    const std::string pupil = error.field.substr(0, error.field.find(']') + 1);
    const std::string field =
        error.field.size() > pupil.size() + 1 ? error.field.substr(pupil.size() + 1) : "";
    const std::string reason =
        field == "override_reason"
            ? "give a reason for changing the proposed RAG"
            : error_sentence({field.empty() ? "This pupil" : field, error.reason});
    const std::string id = pupil.size() > 8 ? pupil.substr(7, pupil.size() - 8) : "";
    errors.push_back({"row_" + id, names[pupil] + ": " + reason});
  }
  return errors;
}

}  // namespace

void register_rag_week_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/rag", [&templates](Exchange& exchange) {
    const Date week = week_param(exchange.request.param("week"), exchange.app.clock.today());
    const std::string saved = exchange.request.param("saved");
    return render_week(templates, exchange, week, nullptr, {},
                       saved.empty() ? "" : fmt::format("{} RAGs confirmed", saved));
  });
  router.page(Method::Post, "/rag", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    const Date week = week_param(form_text(form, "week"), exchange.app.clock.today());
    int saved = 0;
    auto errors = save_rows(exchange, week, form, saved);
    if (errors.empty())
      return Response::redirect(fmt::format("/rag?week={}&saved={}", week.iso(), saved));
    return render_week(templates, exchange, week, &form, errors, "");
  });
  router.page(Method::Post, "/rag/confirm-unchanged", [&templates](Exchange& exchange) {
    const Params form = exchange.form();
    const Date week = week_param(form_text(form, "week"), exchange.app.clock.today());
    auto count = app::confirm_unchanged_rags(exchange.app, exchange.actor, week);
    if (!count.ok()) return error_page(templates, exchange, count.error());
    return Response::redirect(
        fmt::format("/rag?week={}&saved={}", week_monday(week).iso(), *count));
  });
}

}  // namespace waymark::web
