# Writes OUT: a C++ file defining waymark::web::openapi_document() returning the text of IN.
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from docs/openapi.json; do not edit.\n#include <string_view>\nnamespace waymark::web {\nstd::string_view openapi_document() {\n  static const char text[] = R\"__json__(${text})__json__\";\n  return {text, sizeof text - 1};\n}\n}  // namespace waymark::web\n")
