#include "app/classwork_work.h"

#include <algorithm>

#include "app/audit.h"
#include "app/classwork_access.h"
#include "app/classwork_codec.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

Status check_work(store::Connection& connection, const Actor& actor, MarkedWork& work, Date today) {
  work.title = trimmed(work.title);
  ErrorList errors;
  if (auto valid = validate_marked_work(work, today); !valid.ok()) errors.add_all(valid.error());
  if (work.subject_id > 0) {
    if (auto own = check_own_subject(connection, actor.organisation_id, work.subject_id); !own.ok())
      errors.add_all(own.error());
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace

Result<MarkedWork> create_marked_work(Context& context, const Actor& actor,
                                      const MarkedWork& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_classwork_writer(connection, actor, request.pupil_id));
  MarkedWork work = request;
  WAYMARK_TRY_STATUS(check_work(connection, actor, work, context.clock.today()));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<MarkedWork> {
    work.organisation_id = actor.organisation_id;
    work.recorded_by = actor.user_id;
    work.id = tx.classwork().insert_marked_work(work, now);
    work.recorded_at = work.updated_at = now;
    record_audit(tx, actor, now, "create", "marked_work", work.id, work.pupil_id, nullptr,
                 to_json(work));
    return work;
  });
}

Result<MarkedWork> update_marked_work(Context& context, const Actor& actor, Id work_id,
                                      const MarkedWorkChange& change,
                                      std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<MarkedWork> {
    auto current = tx.classwork().marked_work(work_id);
    if (!current || !tx.pupil_visible(current->pupil_id, visibility_of(actor)))
      return Error::not_found("marked work");
    WAYMARK_TRY_STATUS(require_classwork_writer(tx, actor, current->pupil_id));
    if (current->organisation_id != actor.organisation_id)
      return Error::forbidden("this work was marked by another organisation");
    if (expected_updated_at && *expected_updated_at != current->updated_at)
      return Error::conflict("updated_at", "someone else changed this work: reload and try again");
    MarkedWork changed = *current;
    ErrorList errors;
    change(changed, errors);
    if (!errors.empty()) return errors.to_error();
    changed.id = current->id;
    changed.pupil_id = current->pupil_id;
    WAYMARK_TRY_STATUS(check_work(tx, actor, changed, today));
    const std::int64_t version = std::max(now, current->updated_at + 1);
    tx.classwork().update_marked_work(changed, version);
    changed.updated_at = version;
    record_audit(tx, actor, now, "update", "marked_work", changed.id, changed.pupil_id,
                 to_json(*current), to_json(changed));
    return changed;
  });
}

Result<MarkedWork> get_marked_work(Context& context, const Actor& actor, Id work_id) {
  auto& connection = context.store.connection();
  auto work = connection.classwork().marked_work(work_id);
  if (!work || !connection.pupil_visible(work->pupil_id, visibility_of(actor)))
    return Error::not_found("marked work");
  return std::move(*work);
}

Result<std::vector<MarkedWorkView>> list_marked_work(Context& context, const Actor& actor,
                                                     Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  const auto files = connection.classwork().evidence_of_pupil(pupil_id);
  std::vector<MarkedWorkView> views;
  for (MarkedWork& work : connection.classwork().marked_work_of(pupil_id)) {
    MarkedWorkView view{std::move(work), {}};
    for (const auto& file : files)
      if (file.work_id == view.work.id) view.evidence.push_back(file);
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace waymark::app
