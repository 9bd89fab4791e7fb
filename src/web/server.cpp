#include "web/server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <thread>

#include <spdlog/spdlog.h>
#include <restinio/all.hpp>

namespace waymark::web {

namespace {

Method method_of(const restinio::http_method_id_t& method) {
  if (method == restinio::http_method_get()) return Method::Get;
  if (method == restinio::http_method_head()) return Method::Get;
  if (method == restinio::http_method_post()) return Method::Post;
  if (method == restinio::http_method_put()) return Method::Put;
  if (method == restinio::http_method_patch()) return Method::Patch;
  if (method == restinio::http_method_delete()) return Method::Delete;
  return Method::Other;
}

std::string percent_decode_path(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '%' && index + 2 < text.size() && hex(text[index + 1]) >= 0 &&
        hex(text[index + 2]) >= 0) {
      out += static_cast<char>(hex(text[index + 1]) * 16 + hex(text[index + 2]));
      index += 2;
    } else {
      out += text[index];
    }
  }
  return out;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    default:
      return "Status";
  }
}

struct traits : public restinio::default_traits_t {
  using logger_t = restinio::null_logger_t;
};

}  // namespace

int run_server(const WebApp& app, const ServerOptions& options) {
  // Block the stop signals in every thread (the pool inherits the mask); this thread waits for
  // them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::atomic<int> in_flight{0};
  auto handler = [&app, &in_flight](const restinio::request_handle_t& incoming) {
    in_flight.fetch_add(1);
    Request request;
    const auto& header = incoming->header();
    request.method = method_of(header.method());
    request.path = percent_decode_path(header.path());
    request.query = parse_form(header.query());
    for (const auto& field : header) {
      std::string name = field.name();
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers[name] = field.value();
    }
    request.body = incoming->body();
    request.remote_address = incoming->remote_endpoint().address().to_string();
    const bool head = header.method() == restinio::http_method_head();

    Response response = app.handle(request);
    auto builder = incoming->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        reason_phrase(response.status)});
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    if (!head) builder.set_body(std::move(response.body));
    builder.done([&in_flight](const auto&) { in_flight.fetch_sub(1); });
    return restinio::request_accepted();
  };

  using settings_t = restinio::server_settings_t<traits>;
  restinio::running_server_handle_t<traits> server;
  try {
    server = restinio::run_async(
        restinio::own_io_context(),
        settings_t{}
            .address(options.address)
            .port(options.port)
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}.max_body_size(options.max_body_bytes))
            .read_next_http_message_timelimit(std::chrono::seconds(60))
            .handle_request_timeout(std::chrono::seconds(60))
            // Small JSON answers must not wait for Nagle's algorithm.
            .socket_options_setter([](restinio::socket_options_t& socket) {
              socket.set_option(restinio::asio_ns::ip::tcp::no_delay{true});
            })
            .request_handler(handler),
        options.threads);
  } catch (const std::exception& error) {
    spdlog::error("could not listen on {}:{}: {}", options.address, options.port, error.what());
    return 1;
  }
  spdlog::info("waymark listening on http://{}:{}/ with {} threads", options.address, options.port,
               options.threads);

  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("signal {} received: finishing requests in flight", received);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server->stop();
  server->wait();
  spdlog::info("waymark stopped");
  return 0;
}

}  // namespace waymark::web
