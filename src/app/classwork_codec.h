// JSON forms of exit tickets, marked work and evidence files (API bodies and audit before/after),
// in the style of app/codec.h: each shape written once; readers leave absent fields as they are
// and collect every problem.
#pragma once

#include "app/codec.h"
#include "core/exit_ticket.h"
#include "store/classwork_store.h"

namespace waymark::app {

void write_json(JsonOut& out, const ExitTicket& ticket);
void write_json(JsonOut& out, const MarkedWork& work);
void write_json(JsonOut& out, const store::EvidenceFile& file);
Json to_json(const ExitTicket& ticket);
Json to_json(const MarkedWork& work);
Json to_json(const store::EvidenceFile& file);

// Fields: subject_id, teaching_group_id (null clears), lesson_date, topic, score, max_score
// (numbers or null), grade, grade_scale, mark, comment, self_assessment, pupil_response, redraft.
// pupil_id is read too (the grid's PUT names the pupil in the body).
void read_exit_ticket(const Json& body, ExitTicket& into, ErrorList& errors);
// Fields: subject_id, title, work_date, feedback, self_assessment, pupil_response, redraft.
void read_marked_work(const Json& body, MarkedWork& into, ErrorList& errors);

}  // namespace waymark::app
