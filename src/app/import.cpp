#include "app/import.h"

#include <fmt/format.h>

namespace waymark::app {

std::string row_column(int row, std::string_view column) {
  return fmt::format("row {}, column {}", row, column);
}

}  // namespace waymark::app
