// The pupils table's columns as read by pupils.cpp and pupil_list.cpp (internal to the backend).
#pragma once

#include "core/pupil.h"
#include "store/sqlite/db.h"

namespace waymark::store::sqlite {

// Selects a pupil's own columns from `pupils p`, in the order read_pupil expects.
inline constexpr const char* kPupilColumns =
    "SELECT p.id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename, "
    "p.preferred_surname, p.dob, p.sex, p.nc_year_override, p.sen, p.pupil_premium, p.fsm, "
    "p.looked_after, p.child_in_need, p.child_protection, p.eal, p.young_carer, p.medical_needs, "
    "p.updated_at FROM pupils p";

// A row of kPupilColumns, without barriers and contacts. Throws StoreFault when a stored value is
// not one this program writes (the value itself is never put in the message).
Pupil read_pupil(const Statement& row);

}  // namespace waymark::store::sqlite
