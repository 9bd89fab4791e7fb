#include "web/pages/rag_helpers.h"

namespace waymark::web {

std::string rag_tag_class(Rag rag) {
  switch (rag) {
    case Rag::Red:
      return "govuk-tag--red";
    case Rag::Amber:
      return "govuk-tag--yellow";
    case Rag::Green:
      return "govuk-tag--green";
  }
  return "";
}

Data rag_tag(Rag rag) {
  Data tag{Data::type::object};
  tag.set("text", label(rag));
  tag.set("tag_class", rag_tag_class(rag));
  return tag;
}

Data plan_state_tag(app::PlanState state) {
  Data tag{Data::type::object};
  std::string text = "Plan open", tag_class = "govuk-tag--blue";
  switch (state) {
    case app::PlanState::Missing:
      text = "Plan needed";
      tag_class = "govuk-tag--yellow";
      break;
    case app::PlanState::MissingOverdue:
      text = "Plan overdue";
      tag_class = "govuk-tag--red";
      break;
    case app::PlanState::Open:
      break;
    case app::PlanState::ReviewOverdue:
      text = "Review overdue";
      tag_class = "govuk-tag--red";
      break;
    case app::PlanState::Closed:
      text = "Closed";
      tag_class = "govuk-tag--grey";
      break;
  }
  tag.set("text", text);
  tag.set("tag_class", tag_class);
  return tag;
}

Date week_param(const std::string& text, Date today) {
  if (text.empty()) return today;
  auto date = Date::parse(text, "week");
  return date.ok() ? *date : today;
}

}  // namespace waymark::web
