// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loupe.server.retouch.RetouchService;

/** A real Loupe server on a free loopback port, and a client that speaks to it. */
final class ServerHarness implements AutoCloseable {
  static final String TOKEN = "test-token";
  final LoupeServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  /** What the server reports as installed models; a test may change it while the server runs. */
  final List<String> models = new CopyOnWriteArrayList<>();

  /** The address the server listens on, which the client connects to. */
  final String address;

  ServerHarness(ServerConfig config) {
    server = new LoupeServer(config, new RetouchService(), () -> List.copyOf(models)).start();
    address = config.host();
  }

  ServerHarness() {
    this(ServerConfig.defaults(0, TOKEN));
  }

  URI uri(String path) {
    return URI.create("http://" + address + ":" + server.port() + path);
  }

  /** A GET with these header names and values, pairwise. */
  HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> head(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String contentType, byte[] body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).DELETE().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return json.readTree(response.body());
  }

  /** Polls a job until it has finished, up to a minute. */
  JsonNode awaitJob(String id) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < end) {
      JsonNode job = json(get("/v1/jobs/" + id));
      String state = job.get("state").asText();
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish in time");
  }

  /**
   * A raw POST that declares a body of {@code contentLength} bytes and sends none of it (with the
   * token, or without one when null); returns the
   * status line the server answers with (a server waiting for the body times the read out).
   */
  String rawPostDeclaring(String path, long contentLength, String token) throws IOException {
    try (Socket s = new Socket(address, server.port())) {
      s.setSoTimeout(10_000);
      String req = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
          + (token != null ? "Authorization: Bearer " + token + "\r\n" : "")
          + "Content-Type: application/octet-stream\r\nContent-Length: " + contentLength + "\r\n\r\n";
      s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      String response = new String(s.getInputStream().readNBytes(200), StandardCharsets.UTF_8);
      return response.lines().findFirst().orElse("");
    }
  }

  /**
   * Sends {@code request} as written (head and any body) on a raw socket, closes the sending side
   * (a client that stops there), and returns the whole response.
   */
  String rawResponse(String request) throws IOException {
    try (Socket s = new Socket(address, server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      s.shutdownOutput();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A POST with the token that, like fetch, sends its whole body before it reads the answer; returns
   * the whole response. A server that answers without reading the body breaks the pipe: IOException.
   */
  String rawPostWhole(String path, String contentType, byte[] body) throws IOException {
    try (Socket s = new Socket(address, server.port())) {
      s.setSoTimeout(30_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer "
          + TOKEN + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n";
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The first status line answering a POST with the token that declares a body of {@code length}
   * bytes and "Expect: 100-continue", and sends none of it (as curl does with a large upload).
   */
  String rawPostExpecting(String path, long length) throws IOException {
    try (Socket s = new Socket(address, server.port())) {
      s.setSoTimeout(10_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer "
          + TOKEN + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
          + "\r\nExpect: 100-continue\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readNBytes(200), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }
  }

  /** A raw HTTP/1.1 GET with chosen headers (java.net.http refuses to set Host). Returns the status line. */
  String rawGet(String path, String host, String origin) throws IOException {
    try (Socket s = new Socket(address, server.port())) {
      s.setSoTimeout(5000);
      String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
          + (origin != null ? "Origin: " + origin + "\r\n" : "") + "Connection: close\r\n\r\n";
      OutputStream out = s.getOutputStream();
      out.write(req.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response.lines().findFirst().orElse("");
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
