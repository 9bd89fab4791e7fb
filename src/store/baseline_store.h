// FIXME: placeholder interface; the baseline area (issue 3) fills it in.
#pragma once

namespace waymark::store {

class BaselineStore {
 public:
  virtual ~BaselineStore() = default;
};

}  // namespace waymark::store
