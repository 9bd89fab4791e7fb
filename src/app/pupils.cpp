#include "app/pupils.h"

#include <algorithm>
#include <unordered_map>

#include "app/audit.h"
#include "app/codec.h"
#include "app/visibility.h"
#include "core/nc_year.h"

namespace waymark::app {

const std::vector<FilterFlag>& filter_flags() {
  static const std::vector<FilterFlag> flags = [] {
    std::vector<FilterFlag> list;
    for (const auto& field : flag_fields()) list.push_back({field.key, field.label});
    list.push_back({"sen_k", "SEN support (K)"});
    list.push_back({"sen_e", "EHCP (E)"});
    list.push_back({"no_upn", "No UPN"});
    return list;
  }();
  return flags;
}

namespace {

// Organisation names for display, looked up once per request.
class OrganisationNames {
 public:
  explicit OrganisationNames(store::Connection& connection) : connection_(connection) {}
  const std::string& operator()(Id id) {
    auto found = names_.find(id);
    if (found != names_.end()) return found->second;
    auto organisation = connection_.organisation(id);
    return names_[id] = organisation ? organisation->name : std::string("(unknown)");
  }

 private:
  store::Connection& connection_;
  std::unordered_map<Id, std::string> names_;
};

PlacementView view_of(const Placement& placement, OrganisationNames& names) {
  return PlacementView{placement, names(placement.provider_id), names(placement.commissioner_id)};
}

bool newer_referral(const PlacementView& left, const PlacementView& right) {
  if (left.placement.referral_date != right.placement.referral_date)
    return left.placement.referral_date > right.placement.referral_date;
  return left.placement.id > right.placement.id;
}

}  // namespace

double current_hours(const std::vector<PlacementView>& placements, Date on) {
  double total = 0;
  for (const auto& view : placements)
    if (view.placement.current_on(on)) total += view.placement.hours_per_week;
  return total;
}

Result<PupilList> list_pupils(Context& context, const Actor& actor, const PupilQuery& query) {
  ErrorList errors;
  for (const auto& flag : query.flags) {
    bool known = std::any_of(filter_flags().begin(), filter_flags().end(),
                             [&](const auto& f) { return f.key == flag; });
    if (!known) errors.add("flag", "'" + flag + "' is not a flag you can filter by");
  }
  if (query.limit < 1 || query.limit > 500) errors.add("limit", "must be 1 to 500");
  if (query.offset < 0) errors.add("offset", "must not be negative");
  if (query.nc_year && (*query.nc_year < 0 || *query.nc_year > 14))
    errors.add("nc_year", "must be 0 (Reception) to 14");
  if (query.search.size() > 100) errors.add("search", "must be at most 100 characters");
  if (!errors.empty()) return errors.to_error();

  const Date today = context.clock.today();
  const int year_start = academic_year_start(today);
  store::PupilFilter filter;
  filter.search = query.search;
  filter.provider_id = query.provider_id;
  filter.commissioner_id = query.commissioner_id;
  filter.flags = query.flags;
  filter.placement_status = query.placement_status;
  filter.limit = query.limit;
  filter.offset = query.offset;
  if (query.nc_year) {
    // Year N in the academic year starting in Y: born 1 Sep (Y-N-5) to 31 Aug (Y-N-4).
    filter.nc_year = query.nc_year;
    filter.dob_from = Date::from_ymd(year_start - *query.nc_year - 5, 9, 1);
    filter.dob_to = Date::from_ymd(year_start - *query.nc_year - 4, 8, 31);
  }

  auto& connection = context.store.connection();
  store::PupilPage page = connection.pupils(visibility_of(actor), filter);
  std::vector<Id> ids;
  for (const auto& pupil : page.pupils) ids.push_back(pupil.id);
  std::unordered_map<Id, std::vector<PlacementView>> placements_by_pupil;
  OrganisationNames names(connection);
  for (const auto& placement : connection.placements_of_pupils(ids))
    placements_by_pupil[placement.pupil_id].push_back(view_of(placement, names));

  PupilList list;
  list.total = page.total;
  list.limit = query.limit;
  list.offset = query.offset;
  list.academic_year_start = year_start;
  for (auto& pupil : page.pupils) {
    PupilListItem item;
    item.nc_year = pupil.nc_year(year_start);
    item.placements = std::move(placements_by_pupil[pupil.id]);
    std::sort(item.placements.begin(), item.placements.end(), newer_referral);
    item.current_hours = current_hours(item.placements, today);
    item.pupil = std::move(pupil);
    list.items.push_back(std::move(item));
  }
  return list;
}

namespace {

// Profiles are read far more often than pupils change, so each thread keeps the profiles it has
// built, tagged with the connection's change marker: any write anywhere invalidates them all.
// Authorisation is never cached: require_visible_pupil runs on every read.
struct CachedProfile {
  std::uint64_t marker = 0;
  std::int64_t today = 0;
  PupilProfile profile;
};
constexpr std::size_t kProfileCacheLimit = 4096;

PupilProfile build_profile(store::Connection& connection, Pupil pupil, Date today) {
  PupilProfile profile;
  profile.academic_year_start = academic_year_start(today);
  profile.nc_year = pupil.nc_year(profile.academic_year_start);
  OrganisationNames names(connection);
  for (const auto& placement : connection.placements_of(pupil.id))
    profile.placements.push_back(view_of(placement, names));
  for (const auto& enrolment : connection.enrolments_of(pupil.id))
    profile.enrolments.push_back(EnrolmentView{enrolment, names(enrolment.school_id)});
  profile.current_hours = current_hours(profile.placements, today);
  profile.pupil = std::move(pupil);
  return profile;
}

}  // namespace

Result<PupilProfile> pupil_profile(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  const Date today = context.clock.today();
  const std::uint64_t marker = connection.change_marker();
  thread_local std::unordered_map<Id, CachedProfile> cache;
  thread_local std::uint64_t cache_owner = 0;
  if (cache_owner != context.store.generation()) {
    cache.clear();
    cache_owner = context.store.generation();
  }
  PupilProfile profile;
  auto found = cache.find(pupil_id);
  if (found != cache.end() && found->second.marker == marker &&
      found->second.today == today.days()) {
    profile = found->second.profile;
  } else {
    auto pupil = connection.pupil(pupil_id);
    if (!pupil) return Error::not_found("pupil");
    profile = build_profile(connection, std::move(*pupil), today);
    if (cache.size() >= kProfileCacheLimit) cache.clear();
    cache[pupil_id] = CachedProfile{marker, today.days(), profile};
  }
  profile.can_edit = actor.can_edit_pupils();
  profile.can_read_audit = actor.can_read_audit();
  return profile;
}

Result<Id> create_pupil(Context& context, const Actor& actor, const NewPupil& request) {
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  const Date today = context.clock.today();
  const std::int64_t now = context.clock.now_seconds();
  auto& connection = context.store.connection();
  ErrorList errors;
  if (auto valid = validate_pupil(request.pupil, today); !valid.ok()) errors.add_all(valid.error());

  Placement referral;
  bool with_referral = false;
  switch (actor.organisation_kind) {
    case OrgKind::School:
      break;
    case OrgKind::Provider: {
      auto commissioner =
          request.commissioner_id ? connection.organisation(request.commissioner_id) : std::nullopt;
      if (!commissioner || commissioner->kind == OrgKind::Provider)
        errors.add("commissioner_id",
                   "choose the school or local authority that referred the pupil");
      referral.provider_id = actor.organisation_id;
      referral.commissioner_id = request.commissioner_id;
      with_referral = true;
      break;
    }
    case OrgKind::LocalAuthority: {
      auto provider =
          request.provider_id ? connection.organisation(request.provider_id) : std::nullopt;
      if (!provider || provider->kind != OrgKind::Provider)
        errors.add("provider_id", "choose the provider the pupil is referred to");
      referral.provider_id = request.provider_id;
      referral.commissioner_id = actor.organisation_id;
      with_referral = true;
      break;
    }
  }
  if (request.admission_date && *request.admission_date > today.plus_days(366))
    errors.add("admission_date", "is more than a year ahead");
  if (!errors.empty()) return errors.to_error();

  return in_transaction(connection, [&](store::Connection& tx) -> Result<Id> {
    Id pupil_id = WAYMARK_TRY(tx.insert_pupil(request.pupil, now));
    Pupil stored = request.pupil;
    stored.id = pupil_id;
    stored.updated_at = now;
    record_audit(tx, actor, now, "create", "pupil", pupil_id, pupil_id, nullptr,
                 to_json(stored, academic_year_start(today)));
    if (with_referral) {
      referral.pupil_id = pupil_id;
      referral.referral_date = today;
      referral.status = PlacementStatus::Referred;
      referral.id = tx.insert_placement(referral, now);
      record_audit(tx, actor, now, "create", "placement", referral.id, pupil_id, nullptr,
                   to_json(referral));
    } else {
      Enrolment enrolment{0,
                          pupil_id,
                          actor.organisation_id,
                          request.admission_date.value_or(today),
                          std::nullopt,
                          RegistrationType::Main};
      enrolment.id = tx.insert_enrolment(enrolment);
      record_audit(tx, actor, now, "create", "enrolment", enrolment.id, pupil_id, nullptr,
                   to_json(enrolment));
    }
    return pupil_id;
  });
}

Result<Pupil> update_pupil(Context& context, const Actor& actor, Id pupil_id,
                           const PupilChange& change,
                           std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  const Date today = context.clock.today();
  const int year_start = academic_year_start(today);
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Pupil> {
    auto current = tx.pupil(pupil_id);
    if (!current) return Error::not_found("pupil");
    if (expected_updated_at && *expected_updated_at != current->updated_at)
      return Error::conflict(
          "updated_at",
          "someone else changed this pupil since you opened the form: reload and try again");
    Pupil changed = *current;
    ErrorList errors;
    change(changed, errors);
    changed.id = pupil_id;
    if (auto valid = validate_pupil(changed, today); !valid.ok()) errors.add_all(valid.error());
    if (!errors.empty()) return errors.to_error();
    // updated_at doubles as the record's version for stale-form checks: it must move on every
    // save, even two saves within the same second.
    WAYMARK_TRY_STATUS(tx.update_pupil(changed, std::max(now, current->updated_at + 1)));
    auto saved = tx.pupil(pupil_id);
    if (!saved) return Error::internal("pupil vanished during update");
    record_audit(tx, actor, now, "update", "pupil", pupil_id, pupil_id,
                 to_json(*current, year_start), to_json(*saved, year_start));
    return std::move(*saved);
  });
}

}  // namespace waymark::app
