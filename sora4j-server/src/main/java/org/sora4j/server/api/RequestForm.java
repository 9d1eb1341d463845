package org.sora4j.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters, whether sent as multipart/form-data (as the SDKs send uploads), as a
 * URL-encoded form or as JSON. Nested JSON objects are flattened to the bracket names a form uses
 * ({@code {"video": {"id": "x"}}} is {@code video[id]}), so handlers read one shape.
 */
public final class RequestForm {
  /** Most bytes of an oversized body read and dropped before the 413; past it the connection just closes. */
  static final long DRAIN_LIMIT = 256L << 20;

  /** A file part. */
  public record Upload(String filename, String contentType, byte[] bytes) {}

  private final Map<String, String> fields;
  private final Map<String, Upload> files;

  private RequestForm(Map<String, String> fields, Map<String, Upload> files) {
    this.fields = fields;
    this.files = files;
  }

  /**
   * Reads the request body.
   *
   * @throws ApiError 413 past {@code maxBytes}, 400 if the body is malformed
   */
  public static RequestForm read(Context ctx, long maxBytes, ObjectMapper json) {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBytes) {
      drain(ctx);
      throw tooLarge(maxBytes);
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("multipart/")) {
      return multipart(ctx, maxBytes);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return new RequestForm(first(ctx.formParamMap()), Map.of());
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (body.length == 0) {
      return new RequestForm(Map.of(), Map.of());
    }
    try {
      JsonNode root = json.readTree(body);
      if (root == null || !root.isObject()) {
        throw ApiError.badRequest(null, "the request body must be a JSON object");
      }
      Map<String, String> fields = new HashMap<>();
      flatten("", root, fields);
      return new RequestForm(fields, Map.of());
    } catch (IOException e) {
      throw ApiError.badRequest(null, "the request body is not valid JSON (send JSON or multipart/form-data)");
    }
  }

  private static RequestForm multipart(Context ctx, long maxBytes) {
    try {
      // asking Javalin first sets the request's multipart limits; the parts are then read directly,
      // because a client may send a file part without a file name (openai-java does for byte arrays)
      ctx.uploadedFileMap();
      Map<String, String> fields = new HashMap<>();
      Map<String, Upload> files = new HashMap<>();
      for (Part part : ctx.req().getParts()) {
        if (part.getSize() > maxBytes) {
          throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
          bytes = in.readAllBytes();
        }
        String type = part.getContentType();
        // a nested value such as video[id] comes as its own typed part and is a field all the same
        boolean file = part.getSubmittedFileName() != null || (type != null && !type.startsWith("text/")
            && !type.startsWith("application/json") && !part.getName().contains("["));
        if (file) {
          files.putIfAbsent(part.getName(), new Upload(part.getSubmittedFileName(), type, bytes));
        } else {
          fields.putIfAbsent(part.getName(), new String(bytes, StandardCharsets.UTF_8));
        }
      }
      return new RequestForm(fields, files);
    } catch (ApiError e) {
      throw e;
    } catch (Exception e) {
      // Jetty reports an oversized part as an exception while parsing: tell it apart from garbage
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("size") || m.contains("too large") || m.contains("exceed")) {
          drain(ctx);
          throw tooLarge(maxBytes);
        }
      }
      throw ApiError.badRequest(null, "malformed multipart/form-data body: " + e.getMessage());
    }
  }

  /**
   * Reads and drops an unread body (up to {@link #DRAIN_LIMIT}): closing a connection with data
   * still unread makes TCP reset it, and the client may then never see the 413.
   */
  private static void drain(Context ctx) {
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while (read < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
        read += n;
      }
    } catch (IOException e) {
      // the client went away: nothing left to answer
    }
  }

  private static ApiError tooLarge(long maxBytes) {
    return ApiError.tooLarge("the request is larger than this server's limit of " + maxBytes + " bytes");
  }

  private static Map<String, String> first(Map<String, List<String>> multi) {
    Map<String, String> fields = new HashMap<>();
    multi.forEach((k, v) -> {
      if (!v.isEmpty()) {
        fields.put(k, v.get(0));
      }
    });
    return fields;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = prefix.isEmpty() ? e.getKey() : prefix + "[" + e.getKey() + "]";
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(name, value, out);
      } else if (!value.isNull()) {
        out.put(name, value.isValueNode() ? value.asText() : value.toString());
      }
    }
  }

  /** A text field, or null. */
  public String field(String name) {
    return fields.get(name);
  }

  /** A file part, or null. */
  public Upload file(String name) {
    return files.get(name);
  }
}
