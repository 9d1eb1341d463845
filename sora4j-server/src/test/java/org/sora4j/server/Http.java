package org.sora4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP for what the SDK will not send: broken bodies, missing keys. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String root;
  private final String key;

  /** A response: status, body as JSON (null if not JSON) and the raw response. */
  record Reply(int status, JsonNode json, HttpResponse<byte[]> raw) {
    String errorParam() {
      return json.path("error").path("param").asText(null);
    }

    String errorType() {
      return json.path("error").path("type").asText(null);
    }
  }

  Http(String baseUrl, String key) {
    this.root = baseUrl.replaceFirst("/v1$", "");
    this.key = key;
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  Reply delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  Reply postJson(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart body with text fields and one optional file part. */
  static byte[] multipart(String boundary, String[][] fields, String fileField, String fileName, byte[] file) {
    StringBuilder head = new StringBuilder();
    for (String[] f : fields) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
          .append("\"\r\n\r\n").append(f[1]).append("\r\n");
    }
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] filePart = file == null ? new byte[0] : ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] end = ((file == null ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + filePart.length + (file == null ? 0 : file.length) + end.length];
    int at = 0;
    for (byte[] part : new byte[][] {start, filePart, file == null ? new byte[0] : file, end}) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    // a fresh connection each time: the server closes one after refusing a body it did not read
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = null;
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      json = JSON.readTree(response.body());
    }
    return new Reply(response.statusCode(), json, response);
  }
}
