#include "web/pages/feedback_form_views.h"

#include "app/feedback_form_codec.h"
#include "app/feedback_form_document.h"
#include "app/feedback_forms.h"
#include "reports/feedback_form_pdf.h"

namespace waymark::web {

Result<Response> feedback_form_pdf_response(Exchange& exchange, Id form_id) {
  auto form = WAYMARK_TRY(app::get_feedback_form(exchange.app, exchange.actor, form_id));
  auto document = app::build_feedback_form_document(exchange.app.store.connection(), form);
  std::string bytes = WAYMARK_TRY(reports::render_feedback_form_pdf(document));
  Response response{200, "application/pdf", std::move(bytes), {}};
  response.with_header("Content-Disposition",
                       "inline; filename=\"" + app::feedback_form_file_name(form) + "\"");
  response.with_header("Cache-Control", "no-store");
  return response;
}

std::string due_list_json(const std::vector<app::StaffDueForms>& staff) {
  app::JsonOut out;
  out.begin_object();
  out.key("items");
  out.begin_array();
  for (const app::StaffDueForms& member : staff) {
    out.begin_object();
    out.field("user_id", member.user_id);
    out.field("display_name", member.display_name);
    out.key("forms");
    out.begin_array();
    for (const app::DueForm& item : member.forms) {
      out.begin_object();
      out.field("pupil_id", item.pupil_id);
      out.field("pupil_name", item.pupil_name);
      out.field("placement_id", item.placement_id);
      out.key("period");
      out.begin_object();
      out.field("number", item.period.number);
      out.field("start", item.period.start.iso());
      out.field("end", item.period.end.iso());
      out.field("due", item.period.end.iso());
      out.end_object();
      out.field("overdue", item.overdue);
      out.key("form_id");
      out.id_or_null(item.form_id);
      out.key("status");
      if (item.status)
        out.value(to_string(*item.status));
      else
        out.null();
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return out.text();
}

std::string sent_list_json(const std::vector<app::SentFormItem>& items) {
  Json list = Json::array();
  for (const app::SentFormItem& item : items) {
    Json form = app::to_json(item.form);
    form["pupil_name"] = item.pupil_name;
    form["provider_name"] = item.provider_name;
    list.push_back(std::move(form));
  }
  return Json{{"items", list}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace waymark::web
