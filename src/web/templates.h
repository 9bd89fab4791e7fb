// Mustache templates from web/templates/*.mustache, loaded once at start-up. kainjow mustache
// escapes {{values}} by default; only {{{content}}} (already-rendered HTML of ours) is not escaped.
#pragma once

#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "core/result.h"
#include "core/user.h"
#include "web/http.h"

namespace waymark::web {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;
using Object = kainjow::mustache::object;

class Templates {
 public:
  // Loads every *.mustache file in `directory`; Invalid naming the file when one does not parse.
  static Result<Templates> load(const std::string& directory);

  // REQUIRES: `name` was loaded (a programmer error otherwise: throws std::logic_error).
  std::string render(const std::string& name, const Data& data) const;

 private:
  std::map<std::string, kainjow::mustache::mustache> templates_;
};

// What every page needs around its content.
struct PageFrame {
  std::string title;
  std::string active_nav;        // href of the current section, e.g. "/pupils"
  const Actor* actor = nullptr;  // nullptr on public pages
  std::string organisation_name;
  std::string csrf_token;
  std::string flash;               // success banner text
  std::vector<FieldError> errors;  // error summary; each links to #field
  int unread_notifications = -1;   // shown beside the account name when >= 0 (signed-in pages)
};

// Renders `content_template` with `data`, then the layout around it.
Response render_page(const Templates& templates, const PageFrame& frame,
                     const std::string& content_template, const Data& data, int status = 200);

// Data for an optional value: false when empty, so a {{#section}} does not render.
Data optional_text(const std::string& text);

// "legal_forename" -> "legal_forename" (ids use underscores for dots, brackets and spaces).
std::string field_anchor(const std::string& field);
// "Legal forename is required": the field in words, then the reason (kept as is when it is
// already a sentence, starting with a capital).
std::string error_sentence(const FieldError& error);

// A form field's error text, keyed by field name, for inline errors (errors.<field>).
Data error_map(const std::vector<FieldError>& errors);

}  // namespace waymark::web
