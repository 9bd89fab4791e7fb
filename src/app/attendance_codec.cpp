#include "app/attendance_codec.h"

namespace waymark::app {

namespace {

const AttendanceCodeBook& book() {
  static const AttendanceCodeBook standard = AttendanceCodeBook::standard();
  return standard;
}

Json optional_int(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Result<Session> parse_session(std::string_view text, const std::string& field) {
  if (text == "AM" || text == "am" || text == "Am") return Session::Am;
  if (text == "PM" || text == "pm" || text == "Pm") return Session::Pm;
  return Error::invalid(field, "must be AM or PM");
}

const AttendanceCode* code_entry(const std::string& code, Date on) {
  auto entry = book().lookup(code, on);
  return entry.ok() ? *entry : nullptr;
}

Json to_json(const store::StoredMark& mark) {
  const AttendanceCode* entry = code_entry(mark.code, mark.date);
  return Json{{"id", mark.id},
              {"pupil_id", mark.pupil_id},
              {"provider_id", mark.provider_id},
              {"placement_id", mark.placement_id},
              {"commissioner_id", mark.commissioner_id},
              {"date", mark.date.iso()},
              {"session", to_string(mark.session)},
              {"code", mark.code},
              {"meaning", entry ? entry->meaning : ""},
              {"category", entry ? to_string(entry->category) : ""},
              {"minutes_late", optional_int(mark.minutes_late)},
              {"version", mark.version},
              {"recorded_by", mark.recorded_by},
              {"recorded_at", mark.recorded_at}};
}

Json to_json(const store::MarkVersion& version) {
  return Json{{"version", version.version},
              {"date", version.date.iso()},
              {"session", to_string(version.session)},
              {"code", version.code},
              {"minutes_late", optional_int(version.minutes_late)},
              {"reason", version.reason},
              {"changed_by", version.changed_by},
              {"changed_by_name", version.changed_by_name},
              {"changed_at", version.changed_at}};
}

Json to_json(const AttendanceSummary& summary) {
  return Json{{"possible", summary.possible},
              {"present", summary.present},
              {"approved", summary.approved},
              {"authorised", summary.authorised},
              {"unauthorised", summary.unauthorised},
              {"absent", summary.absent()},
              {"rate", summary.rate ? Json(*summary.rate) : Json(nullptr)},
              {"rate_text", format_rate(summary.rate)},
              {"persistent", summary.persistent},
              {"severe", summary.severe}};
}

Json to_json(const AttendanceCode& code) {
  return Json{{"code", code.code},
              {"meaning", code.meaning},
              {"category", to_string(code.category)},
              {"category_label", label(code.category)},
              {"valid_from", code.valid_from ? Json(code.valid_from->iso()) : Json(nullptr)},
              {"valid_to", code.valid_to ? Json(code.valid_to->iso()) : Json(nullptr)},
              {"replaced_by", code.replaced_by}};
}

}  // namespace waymark::app
