// JSON forms of the domain records: what the API returns and accepts, and what the audit log keeps
// as "before" and "after". Readers collect every field problem into an ErrorList (field names as
// the API spells them) rather than stopping at the first.
#pragma once

#include <nlohmann/json.hpp>

#include "app/json_out.h"

#include "core/calendar.h"
#include "core/organisation.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/result.h"
#include "core/user.h"

namespace waymark::app {

using Json = nlohmann::json;

// Writers: each record's JSON shape is defined once, here; to_json() below reads the same text
// back into a Json value for code that composes documents (audit, small responses).
void write_json(JsonOut& out, const Organisation& organisation);
void write_json(JsonOut& out, const User& user);
void write_json(JsonOut& out, const Contact& contact);
void write_json(JsonOut& out, const Pupil& pupil, int academic_year_start);
void write_json(JsonOut& out, const Placement& placement);
void write_json(JsonOut& out, const Enrolment& enrolment);
// The members only, for a caller that adds fields of its own to the same object.
void write_fields(JsonOut& out, const Placement& placement);
void write_fields(JsonOut& out, const Enrolment& enrolment);
void write_json(JsonOut& out, const Term& term);
void write_json(JsonOut& out, const ClosureDay& closure);
void write_json(JsonOut& out, const Subject& subject);
void write_json(JsonOut& out, const TeachingGroup& group);

Json to_json(const Organisation& organisation);
Json to_json(const User& user);
Json to_json(const Contact& contact);
// `academic_year_start` decides the NC year shown.
Json to_json(const Pupil& pupil, int academic_year_start);
Json to_json(const Placement& placement);
Json to_json(const Enrolment& enrolment);
Json to_json(const Term& term);
Json to_json(const ClosureDay& closure);
Json to_json(const Subject& subject);
Json to_json(const TeachingGroup& group);

// Readers. Fields absent from `body` keep the values already in `into` (so a PATCH-like update
// reads onto the current record); present fields of the wrong type or value are reported.
void read_pupil(const Json& body, Pupil& into, ErrorList& errors);
void read_placement(const Json& body, Placement& into, ErrorList& errors);
void read_enrolment(const Json& body, Enrolment& into, ErrorList& errors);

// Small typed getters used by the readers and by web/ for other bodies. Each returns false and
// adds an error when the field is present with the wrong type.
bool read_string(const Json& body, const char* field, std::string& into, ErrorList& errors);
bool read_bool(const Json& body, const char* field, bool& into, ErrorList& errors);
bool read_id(const Json& body, const char* field, Id& into, ErrorList& errors);
bool read_int(const Json& body, const char* field, int& into, ErrorList& errors);
bool read_date(const Json& body, const char* field, Date& into, ErrorList& errors);
bool read_optional_date(const Json& body, const char* field, std::optional<Date>& into,
                        ErrorList& errors);

}  // namespace waymark::app
