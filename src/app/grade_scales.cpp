#include "app/grade_scales.h"

#include <fmt/format.h>

#include "app/assessment_setup_codec.h"
#include "app/audit.h"

namespace waymark::app {

namespace {

Result<GradeScale> from_record(const store::GradeScaleRecord& record) {
  auto scale = GradeScale::define(record.key, record.name, record.grades, record.points);
  if (!scale.ok()) throw store::StoreFault("a stored grade scale is not valid");
  return scale;
}

bool may_configure(const Actor& actor) {
  return actor.roles.has(Role::Admin) || actor.roles.has(Role::Head);
}

// The subject, when it belongs to the actor's organisation; NotFound otherwise.
Result<Subject> own_subject(store::Connection& connection, const Actor& actor, Id subject_id) {
  auto subject = connection.assessment_setup().subject(subject_id);
  if (!subject || subject->organisation_id != actor.organisation_id)
    return Error::not_found("subject");
  return std::move(*subject);
}

}  // namespace

const char* term_key(SchoolTerm term) {
  switch (term) {
    case SchoolTerm::Autumn:
      return "autumn";
    case SchoolTerm::Spring:
      return "spring";
    case SchoolTerm::Summer:
      return "summer";
  }
  return "autumn";
}

Result<SchoolTerm> parse_term_key(std::string_view text, const std::string& field) {
  for (SchoolTerm term : {SchoolTerm::Autumn, SchoolTerm::Spring, SchoolTerm::Summer})
    if (text == term_key(term) || text == label(term)) return term;
  return Error::invalid(field, "choose autumn, spring or summer");
}

Result<GradeScale> scale_for(store::Connection& connection, Id organisation_id,
                             const std::string& key) {
  // Standard keys are reserved, so a standard scale never needs the database.
  if (const GradeScale* standard = standard_scale(key)) return *standard;
  auto record = connection.assessment_setup().grade_scale(organisation_id, key);
  if (!record) return Error::not_found("grade scale");
  return from_record(*record);
}

Result<GradeScale> subject_scale(store::Connection& connection, Id subject_id, int nc_year) {
  auto& setup = connection.assessment_setup();
  auto subject = setup.subject(subject_id);
  if (!subject) return Error::not_found("subject");
  const store::SubjectScales scales =
      setup.subject_scales(subject_id).value_or(store::SubjectScales{.subject_id = subject_id});
  return scale_for(connection, subject->organisation_id,
                   nc_year >= 10 ? scales.ks4_scale_key : scales.ks3_scale_key);
}

Result<Grade> parse_subject_grade(store::Connection& connection, Id subject_id, int nc_year,
                                  std::string_view text, const std::string& field) {
  auto scale = subject_scale(connection, subject_id, nc_year);
  if (!scale.ok()) {
    if (scale.error().kind == ErrorKind::NotFound)
      return Error::invalid("subject_id", "is not a subject");
    return std::move(scale).error();
  }
  return scale->parse(text, field);
}

std::vector<Ks3Expectation> ks3_expectations(store::Connection& connection, Id organisation_id) {
  auto stored = connection.assessment_setup().ks3_expectations(organisation_id);
  if (stored.empty()) return default_ks3_expectations();
  return stored;
}

Result<std::vector<GradeScale>> list_grade_scales(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role");
  std::vector<GradeScale> scales;
  for (const auto& record :
       context.store.connection().assessment_setup().grade_scales(actor.organisation_id))
    scales.push_back(WAYMARK_TRY(from_record(record)));
  return scales;
}

Result<GradeScale> add_grade_scale(Context& context, const Actor& actor, const std::string& key,
                                   const std::string& name,
                                   const std::vector<std::pair<std::string, std::string>>& grades,
                                   PointsScheme points) {
  if (!actor.roles.has(Role::Admin)) return Error::forbidden("only an admin can add a grade scale");
  GradeScale scale = WAYMARK_TRY(GradeScale::define(key, name, grades, points));
  if (standard_scale(key) != nullptr)
    return Error::invalid("key", "is the key of a standard scale: choose another");
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<GradeScale> {
    store::GradeScaleRecord record{.id = 0,
                                   .organisation_id = actor.organisation_id,
                                   .key = scale.key(),
                                   .name = scale.name(),
                                   .points = points,
                                   .grades = {}};
    for (const Grade& grade : scale.grades()) record.grades.emplace_back(grade.code, grade.label);
    Id id = WAYMARK_TRY(tx.assessment_setup().insert_grade_scale(record, now));
    record_audit(tx, actor, now, "create", "grade_scale", id, 0, nullptr, to_json(scale));
    return scale;
  });
}

Result<store::SubjectScales> get_subject_scales(Context& context, const Actor& actor,
                                                Id subject_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY(own_subject(connection, actor, subject_id));
  return connection.assessment_setup()
      .subject_scales(subject_id)
      .value_or(store::SubjectScales{.subject_id = subject_id});
}

Result<store::SubjectScales> set_subject_scales(Context& context, const Actor& actor,
                                                const store::SubjectScales& scales) {
  auto& connection = context.store.connection();
  WAYMARK_TRY(own_subject(connection, actor, scales.subject_id));
  if (!may_configure(actor))
    return Error::forbidden("only an admin or head can choose a subject's grade scales");
  ErrorList errors;
  if (!scale_for(connection, actor.organisation_id, scales.ks3_scale_key).ok())
    errors.add("ks3_scale_key", "is not a grade scale your organisation has");
  if (!scale_for(connection, actor.organisation_id, scales.ks4_scale_key).ok())
    errors.add("ks4_scale_key", "is not a grade scale your organisation has");
  if (!errors.empty()) return errors.to_error();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<store::SubjectScales> {
    auto& setup = tx.assessment_setup();
    const store::SubjectScales before =
        setup.subject_scales(scales.subject_id)
            .value_or(store::SubjectScales{.subject_id = scales.subject_id});
    setup.put_subject_scales(scales);
    record_audit(tx, actor, now, "update", "subject_scales", scales.subject_id, 0, to_json(before),
                 to_json(scales));
    return scales;
  });
}

Result<std::vector<Ks3Expectation>> get_ks3_expectations(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role");
  return ks3_expectations(context.store.connection(), actor.organisation_id);
}

Result<std::vector<Ks3Expectation>> set_ks3_expectations(
    Context& context, const Actor& actor, const std::vector<Ks3Expectation>& expectations) {
  if (!may_configure(actor))
    return Error::forbidden("only an admin or head can change the KS3 expectations");
  auto& connection = context.store.connection();
  const GradeScale ks3 = WAYMARK_TRY(scale_for(connection, actor.organisation_id, "ks3"));
  WAYMARK_TRY_STATUS(validate_ks3_expectations(expectations, ks3));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(
      connection, [&](store::Connection& tx) -> Result<std::vector<Ks3Expectation>> {
        const auto before = ks3_expectations(tx, actor.organisation_id);
        tx.assessment_setup().replace_ks3_expectations(actor.organisation_id, expectations);
        record_audit(tx, actor, now, "update", "ks3_expectations", actor.organisation_id, 0,
                     to_json(before), to_json(expectations));
        return expectations;
      });
}

}  // namespace waymark::app
