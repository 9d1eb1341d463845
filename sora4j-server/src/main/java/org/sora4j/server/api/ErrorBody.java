package org.sora4j.server.api;

/** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
public record ErrorBody(Detail error) {
  public record Detail(String message, String type, String param, String code) {}
}
