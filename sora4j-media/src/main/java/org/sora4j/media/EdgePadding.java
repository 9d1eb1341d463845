package org.sora4j.media;

/** Grows packed RGB frames to a larger size by repeating the last column and row. */
final class EdgePadding {
  private EdgePadding() {}

  /**
   * Pads one {@code width x height} RGB frame to {@code newWidth x newHeight}; new pixels copy the
   * nearest edge pixel so the codec sees no hard border.
   */
  static byte[] pad(byte[] rgb, int width, int height, int newWidth, int newHeight) {
    if (newWidth == width && newHeight == height) {
      return rgb;
    }
    byte[] out = new byte[newWidth * newHeight * 3];
    for (int y = 0; y < newHeight; y++) {
      int srcRow = Math.min(y, height - 1) * width * 3;
      int dstRow = y * newWidth * 3;
      System.arraycopy(rgb, srcRow, out, dstRow, width * 3);
      int last = srcRow + (width - 1) * 3;
      for (int x = width; x < newWidth; x++) {
        System.arraycopy(rgb, last, out, dstRow + x * 3, 3);
      }
    }
    return out;
  }
}
