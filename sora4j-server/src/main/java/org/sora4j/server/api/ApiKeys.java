package org.sora4j.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Bearer API keys. A video belongs to the key that made it; its owner is stored as a digest of the
 * key, so the database never holds a key. With no keys configured everyone is the one owner "".
 */
public final class ApiKeys {
  private final List<byte[]> keys;

  public ApiKeys(List<String> keys) {
    this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }

  public boolean enabled() {
    return !keys.isEmpty();
  }

  /**
   * The owner the request acts for.
   *
   * @throws ApiError 401 if keys are configured and the request has none or an unknown one
   */
  public String owner(Context ctx) {
    if (keys.isEmpty()) {
      return "";
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiError.unauthorized("You didn't provide an API key. Send it in the Authorization header: Bearer YOUR_KEY.");
    }
    String given = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : header.strip();
    byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
    boolean known = false;
    for (byte[] key : keys) {
      // compares in constant time, and every key, so timing tells nothing about which keys exist
      known |= MessageDigest.isEqual(key, bytes);
    }
    if (!known) {
      throw ApiError.unauthorized("Incorrect API key provided.");
    }
    return digest(given);
  }

  static String digest(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
