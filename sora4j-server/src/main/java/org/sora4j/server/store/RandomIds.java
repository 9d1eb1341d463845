package org.sora4j.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids of one kind ("video_", "char_"): a prefix and 128 random bits in hex. Unguessable, and safe
 * to use in a file name once {@link #isValid} has passed.
 */
record RandomIds(String prefix, Pattern format) {
  private static final SecureRandom RANDOM = new SecureRandom();

  static RandomIds withPrefix(String prefix) {
    return new RandomIds(prefix, Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{32}"));
  }

  String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  boolean isValid(String id) {
    return id != null && format.matcher(id).matches();
  }
}
