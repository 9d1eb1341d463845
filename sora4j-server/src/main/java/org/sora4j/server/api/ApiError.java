package org.sora4j.server.api;

/**
 * A request the server refuses, answered in OpenAI's error shape with its HTTP status. Every
 * refusal is one of these, so no bad input ever reaches the client as a 500.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String INVALID_REQUEST = "invalid_request_error";

  private final int status;
  private final String type;
  private final String param;
  private final String code;
  private final Integer retryAfterSeconds;

  private ApiError(int status, String type, String param, String code, String message, Integer retryAfterSeconds) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400: a parameter is missing or wrong. */
  public static ApiError badRequest(String param, String message) {
    return new ApiError(400, INVALID_REQUEST, param, param == null ? null : "invalid_value", message, null);
  }

  /** 401: no key or an unknown key. */
  public static ApiError unauthorized(String message) {
    return new ApiError(401, INVALID_REQUEST, null, "invalid_api_key", message, null);
  }

  /** 404: no such thing for this key. */
  public static ApiError notFound(String message) {
    return new ApiError(404, INVALID_REQUEST, null, "not_found", message, null);
  }

  /**
   * 404 for the content of a video that is not completed (or failed): what OpenAI's API answers
   * ("Video is not ready yet"), so SDK code that catches not-found keeps working.
   */
  public static ApiError notReady(String message) {
    return new ApiError(404, INVALID_REQUEST, null, "video_not_ready", message, null);
  }

  /** 409: the thing exists but is not in a state for this. */
  public static ApiError conflict(String code, String message) {
    return new ApiError(409, INVALID_REQUEST, null, code, message, null);
  }

  /** 413: the request body is larger than the server takes. */
  public static ApiError tooLarge(String message) {
    return new ApiError(413, INVALID_REQUEST, null, "request_too_large", message, null);
  }

  /** 429: the job queue is full; try again after {@code seconds}. */
  public static ApiError queueFull(String message, int seconds) {
    return new ApiError(429, "rate_limit_error", null, "queue_full", message, seconds);
  }

  /**
   * 400: a part of the API this server does not offer. Not 501: the official SDKs retry every 5xx,
   * and asking again cannot help.
   */
  public static ApiError unsupported(String param, String message) {
    return new ApiError(400, INVALID_REQUEST, param, "unsupported", message, null);
  }

  public int status() {
    return status;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The JSON body: {@code {"error": {message, type, param, code}}}. */
  public ErrorBody body() {
    return new ErrorBody(new ErrorBody.Detail(getMessage(), type, param, code));
  }
}
