// GET /pupils: search and filter the pupils the actor can see, 50 to a page. Also registers every
// pupil page (register_pupil_pages).
#include <algorithm>

#include <fmt/format.h>

#include "app/pupils.h"
#include "app/users.h"
#include "core/nc_year.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

namespace {

constexpr int kPageSize = 50;

// The filters as sent: kept as text so that the form shows exactly what was asked for.
struct ListFilters {
  std::string search;
  std::string provider_id;
  std::string commissioner_id;
  std::string nc_year;
  std::string status;
  std::vector<std::string> flags;
  int page = 1;
};

ListFilters read_filters(const Request& request) {
  ListFilters filters;
  const Params& query = request.query;
  filters.search = form_text(query, "search");
  if (filters.search.size() > 100) filters.search.resize(100);
  filters.provider_id = form_text(query, "provider_id");
  filters.commissioner_id = form_text(query, "commissioner_id");
  filters.nc_year = form_text(query, "nc_year");
  filters.status = form_text(query, "status");
  for (const auto& flag : form_values(query, "flag")) {
    const auto& known = app::filter_flags();
    if (std::any_of(known.begin(), known.end(), [&](const auto& item) { return item.key == flag; }))
      filters.flags.push_back(flag);
  }
  ErrorList ignored;  // a hand-edited page number falls back to the first page
  filters.page = std::max(1, read_form_int(query, "page", ignored).value_or(1));
  return filters;
}

// Unknown or malformed values are dropped: a filter form cannot be "wrong", only narrower.
app::PupilQuery to_query(const ListFilters& filters) {
  app::PupilQuery query;
  query.search = filters.search;
  Params as_params{{"provider_id", filters.provider_id},
                   {"commissioner_id", filters.commissioner_id}};
  query.provider_id = read_form_id(as_params, "provider_id");
  query.commissioner_id = read_form_id(as_params, "commissioner_id");
  ErrorList ignored;
  Params year{{"nc_year", filters.nc_year}};
  if (auto nc_year = read_form_int(year, "nc_year", ignored);
      nc_year && *nc_year >= 0 && *nc_year <= 14)
    query.nc_year = nc_year;
  if (auto status = parse_placement_status(filters.status); status.ok())
    query.placement_status = *status;
  query.flags = filters.flags;
  query.limit = kPageSize;
  query.offset = (filters.page - 1) * kPageSize;
  return query;
}

// The list's address with the same filters on another page.
std::string page_href(const ListFilters& filters, int page) {
  std::string href = "/pupils?";
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (href.back() != '?') href += '&';
    href += name;
    href += '=';
    href += url_escape(value);
  };
  add("search", filters.search);
  add("provider_id", filters.provider_id);
  add("commissioner_id", filters.commissioner_id);
  add("nc_year", filters.nc_year);
  add("status", filters.status);
  for (const auto& flag : filters.flags) add("flag", flag);
  if (page > 1) add("page", std::to_string(page));
  if (href.back() == '?') href.pop_back();
  return href;
}

Data pagination(const ListFilters& filters, int page, int pages) {
  if (pages <= 1) return Data(false);
  Data data{Data::type::object};
  data.set("previous", page > 1 ? Data(page_href(filters, page - 1)) : Data(false));
  data.set("next", page < pages ? Data(page_href(filters, page + 1)) : Data(false));
  List items;
  bool gap = false;
  for (int number = 1; number <= pages; ++number) {
    const bool shown = number == 1 || number == pages || std::abs(number - page) <= 1;
    if (!shown) {
      if (!gap) {
        Data ellipsis{Data::type::object};
        ellipsis.set("ellipsis", true);
        ellipsis.set("current", false);
        ellipsis.set("href", "");
        ellipsis.set("number", "");
        items.push_back(ellipsis);
      }
      gap = true;
      continue;
    }
    gap = false;
    Data item{Data::type::object};
    item.set("ellipsis", false);
    item.set("number", std::to_string(number));
    item.set("href", page_href(filters, number));
    item.set("current", number == page);
    items.push_back(item);
  }
  data.set("items", items);
  return data;
}

Data pupil_row(const app::PupilListItem& item) {
  Data row{Data::type::object};
  row.set("href", "/pupils/" + std::to_string(item.pupil.id));
  row.set("name", item.pupil.sort_name());
  row.set("upn", item.pupil.upn ? Data(item.pupil.upn->str()) : Data(false));
  row.set("year", item.nc_year ? Data(nc_year_label(*item.nc_year)) : Data(false));
  List tags = flag_tags(item.pupil);
  row.set("has_tags", !tags.empty());
  row.set("tags", tags);
  List placements;
  for (const auto& view : item.placements) {
    if (view.placement.status == PlacementStatus::Ended) continue;
    Data placement{Data::type::object};
    placement.set("provider", view.provider_name);
    placement.set("status", label(view.placement.status));
    placement.set("status_class", status_tag_class(view.placement.status));
    placements.push_back(placement);
  }
  row.set("placements", placements);
  row.set("hours", format_hours(item.current_hours));
  return row;
}

Response pupil_list(const Templates& templates, Exchange& exchange) {
  ListFilters filters = read_filters(exchange.request);
  auto list = app::list_pupils(exchange.app, exchange.actor, to_query(filters));
  if (!list.ok()) return error_page(templates, exchange, list.error());
  const int pages = std::max(1, (list->total + kPageSize - 1) / kPageSize);

  const auto organisations = app::list_organisations(exchange.app);
  std::vector<Option> years;
  for (int year = 7; year <= 11; ++year)
    years.push_back({std::to_string(year), nc_year_label(year)});
  std::vector<Option> statuses;
  for (PlacementStatus status :
       {PlacementStatus::Referred, PlacementStatus::PlanningMeeting,
        PlacementStatus::InitialAssessment, PlacementStatus::Active, PlacementStatus::Ended})
    statuses.push_back({to_string(status), label(status)});
  std::vector<Option> flags;
  for (const auto& flag : app::filter_flags()) flags.push_back({flag.key, flag.label});

  Data data{Data::type::object};
  data.set("search", filters.search);
  data.set("providers", option_list(organisation_options(organisations, OrgRole::Provider),
                                    filters.provider_id, "Any provider"));
  data.set("commissioners", option_list(organisation_options(organisations, OrgRole::Commissioner),
                                        filters.commissioner_id, "Any school or LA"));
  data.set("years", option_list(years, filters.nc_year, "Any year"));
  data.set("statuses", option_list(statuses, filters.status, "Any status"));
  List flag_items = choice_list("flag", flags, filters.flags);
  for (auto& item : flag_items) item.set("id", "filter_flag_" + item.get("value")->string_value());
  data.set("flags", flag_items);
  data.set("filtered", page_href(filters, 1) != "/pupils");
  data.set("can_add", exchange.actor.can_edit_pupils());
  data.set("count_text", fmt::format("{} {}", list->total, list->total == 1 ? "pupil" : "pupils"));
  if (list->total > kPageSize && !list->items.empty())
    data.set("showing", fmt::format("Showing {} to {}", list->offset + 1,
                                    list->offset + static_cast<int>(list->items.size())));
  List rows;
  for (const auto& item : list->items) rows.push_back(pupil_row(item));
  data.set("has_pupils", !rows.empty());
  data.set("pupils", rows);
  data.set("pagination", pagination(filters, std::min(filters.page, pages), pages));

  PageFrame frame = page_frame(
      exchange,
      filters.page > 1 ? fmt::format("Pupils (page {} of {})", filters.page, pages) : "Pupils");
  return render_page(templates, frame, "pupil_list", data);
}

}  // namespace

void register_pupil_list_page(Router& router, const Templates& templates) {
  router.page(Method::Get, "/pupils",
              [&templates](Exchange& exchange) { return pupil_list(templates, exchange); });
}

void register_pupil_pages(Router& router, const Templates& templates) {
  register_pupil_list_page(router, templates);
  register_pupil_form_pages(router, templates);  // before /pupils/{id}: it holds /pupils/new
  register_pupil_profile_page(router, templates);
  register_placement_form_pages(router, templates);
  register_pupil_audit_page(router, templates);
}

}  // namespace waymark::web
