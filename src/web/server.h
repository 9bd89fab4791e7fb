// Serving the WebApp over HTTP (RESTinio on a thread pool). Blocks until SIGTERM or SIGINT, then
// stops taking new work, lets requests in flight finish (up to a deadline) and returns.
#pragma once

#include <cstdint>
#include <string>

#include "web/web_app.h"

namespace waymark::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 2;
  std::size_t max_body_bytes = 25 * 1024 * 1024;
};

// Returns 0 after a clean shutdown; 1 when the port could not be opened (message logged).
int run_server(const WebApp& app, const ServerOptions& options);

}  // namespace waymark::web
