// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerSecurityTest {
  static ServerHarness harness;

  @BeforeAll
  static void start() {
    harness = new ServerHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void health_names_the_server_its_protocol_and_recipes() throws Exception {
    HttpResponse<byte[]> r = harness.get("/v1/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = harness.json(r);
    assertThat(body.get("name").asText()).isEqualTo("loupe");
    assertThat(body.get("protocol").asInt()).isEqualTo(1);
    assertThat(body.at("/capabilities/recipes").toString()).contains("quick", "pro", "editorial");
    assertThat(body.at("/capabilities/limits/maxPixels").asLong()).isPositive();
  }

  @Test
  void health_lists_a_model_installed_while_the_server_runs() throws Exception {
    assertThat(harness.json(harness.get("/v1/health")).at("/capabilities/models").size()).isZero();
    harness.models.add("isnet:small");
    try {
      assertThat(harness.json(harness.get("/v1/health")).at("/capabilities/models").toString())
          .isEqualTo("[\"isnet:small\"]");
    } finally {
      harness.models.clear();
    }
  }

  @Test
  void a_foreign_host_header_is_refused() throws Exception {
    assertThat(harness.rawGet("/v1/health", "evil.example:" + harness.server.port(), null)).contains("403");
    assertThat(harness.rawGet("/v1/health", "127.0.0.1:1", null)).contains("403");
    assertThat(harness.rawGet("/v1/health", "localhost:" + harness.server.port(), null)).contains("200");
    // HTTP/1.0 needs no Host: refused too, saying so rather than naming a Host 'null'.
    String noHost = harness.rawResponse("GET /v1/health HTTP/1.0\r\n\r\n");
    assertThat(noHost).startsWith("HTTP/1.1 403").contains("the request names no Host").doesNotContain("'null'");
    // Two Hosts, ours first: Jetty refuses the request (RFC 9112 3.2) before the guard could take the first.
    String twoHosts = harness.rawResponse("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + harness.server.port()
        + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(twoHosts).startsWith("HTTP/1.1 400").contains("application/problem+json");
  }

  @Test
  void a_foreign_browser_origin_is_refused() throws Exception {
    String host = "127.0.0.1:" + harness.server.port();
    assertThat(harness.rawGet("/v1/health", host, "https://evil.example")).contains("403");
    assertThat(harness.rawGet("/v1/health", host, "http://localhost:" + harness.server.port())).contains("200");
    assertThat(harness.rawGet("/v1/health", host, "http://[::1]:" + harness.server.port())).contains("200");
  }

  /** An IPv6 literal is one address however it is written: Java names a bind in full, clients in short. */
  @Test
  void ipv6_hosts_compare_as_addresses_and_no_name_is_looked_up() {
    assertThat(RequestGuard.canonical("[2001:db8::5]")).isEqualTo(RequestGuard.canonical("[2001:DB8:0:0:0:0:0:5]"));
    assertThat(RequestGuard.canonical("[::1]")).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(RequestGuard.canonical("Evil.Example")).isEqualTo("evil.example");
    assertThat(RequestGuard.canonical("[evil.example]")).isEqualTo("[evil.example]");
  }

  /**
   * A server bound elsewhere with --allow-remote answers requests naming its own address (every one
   * was refused as a foreign Host) and still refuses other names. 127.0.0.2 is loopback on Linux but
   * not a name Loupe binds without --allow-remote.
   */
  @Test
  void a_remote_bind_answers_its_own_address_and_no_other_name() throws Exception {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.2"))) {
      probe.getLocalPort(); // binds on Linux; macOS needs an alias first
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("cannot bind 127.0.0.2 here: " + e.getMessage());
    }
    ServerConfig defaults = ServerConfig.defaults(0, ServerHarness.TOKEN);
    ServerConfig remote = new ServerConfig("127.0.0.2", 0, ServerHarness.TOKEN, defaults.maxUploadBytes(),
        defaults.maxPixels(), 1, 1, defaults.jobTimeout(), defaults.resultTtl());
    try (ServerHarness other = new ServerHarness(remote)) {
      int port = other.server.port();
      assertThat(other.rawGet("/v1/health", "127.0.0.2:" + port, null)).contains("200");
      assertThat(other.rawGet("/v1/health", "127.0.0.2:" + port, "http://127.0.0.2:" + port)).contains("200");
      assertThat(other.rawGet("/v1/health", "evil.example:" + port, null)).contains("403");
      assertThat(other.rawGet("/v1/health", "127.0.0.2:" + port, "https://evil.example")).contains("403");
    }
  }

  @Test
  void changes_need_the_token() throws Exception {
    HttpResponse<byte[]> none = harness.post("/v1/jobs", "application/vnd.loupe.frame", new byte[4], null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(harness.json(none).get("detail").asText()).contains("token");
    HttpResponse<byte[]> wrong = harness.post("/v1/jobs", "application/vnd.loupe.frame", new byte[4], "nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void unknown_paths_and_jobs_are_problems_not_stack_traces() throws Exception {
    HttpResponse<byte[]> r = harness.get("/v1/nothing-here");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(harness.json(r).get("detail").asText()).contains("/v1/nothing-here");
    HttpResponse<byte[]> job = harness.get("/v1/jobs/j-missing");
    assertThat(job.statusCode()).isEqualTo(404);
    assertThat(new String(job.body())).doesNotContain("Exception").doesNotContain("at loupe.");
  }

  @Test
  void openapi_lists_exactly_the_query_options_a_psd_job_takes() throws Exception {
    JsonNode spec = harness.json(harness.get("/v1/openapi.json"));
    assertThat(spec.at("/servers/0/url").asText()).isEqualTo("http://127.0.0.1:" + harness.server.port());
    String asLocalhost = "GET /v1/openapi.json HTTP/1.1\r\nHost: localhost:" + harness.server.port()
        + "\r\nConnection: close\r\n\r\n";
    assertThat(harness.rawResponse(asLocalhost)).as("the server as the client named it")
        .contains("\"url\":\"http://localhost:" + harness.server.port() + "\"");
    List<String> documented = new ArrayList<>();
    spec.at("/paths/~1v1~1psd-jobs/post/parameters").forEach(p -> documented.add(p.get("name").asText()));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(JobController.PSD_JOB_OPTIONS);
  }

  @Test
  void openapi_describes_every_route_the_server_has() throws Exception {
    JsonNode spec = harness.json(harness.get("/v1/openapi.json"));
    assertThat(spec.at("/servers/0/url").asText()).isEqualTo("http://127.0.0.1:" + harness.server.port());
    List<String> documented = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(e -> e.getValue().fieldNames()
        .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + e.getKey())));
    String source = Files.readString(Path.of(System.getProperty("loupe.root"),
        "server/src/main/java/loupe/server/http/LoupeServer.java"));
    List<String> routed = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("(?:cfg\\.routes\\.(get|post|delete|sse)\\(|getAndHead\\(cfg\\.routes, )\"([^\"]+)\"")
        .matcher(source);
    while (m.find()) {
      routed.add((m.group(1) == null || m.group(1).equals("sse") ? "GET" : m.group(1).toUpperCase()) + " "
          + m.group(2));
    }
    assertThat(routed).isNotEmpty();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
  }
}
