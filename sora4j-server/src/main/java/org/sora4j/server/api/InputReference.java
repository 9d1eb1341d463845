package org.sora4j.server.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The {@code input_reference} of a create request: an uploaded image or a base64 data URL. Remote
 * URLs are refused rather than fetched, so a request can never make the server reach elsewhere.
 */
final class InputReference {
  private InputReference() {}

  /** The input_reference image: an uploaded file or a data URL; never a remote URL. */
  static BufferedImage decode(RequestForm form) {
    RequestForm.Upload upload = form.file("input_reference");
    byte[] bytes;
    if (upload != null) {
      bytes = upload.bytes();
    } else {
      String url = VideoRequests.firstNonNull(form.field("input_reference[image_url]"), form.field("input_reference"));
      if (form.field("input_reference[file_id]") != null) {
        throw ApiError.unsupported("input_reference", "file ids are not supported here; upload the image or send a data URL");
      }
      if (url == null || url.isBlank()) {
        return null;
      }
      bytes = dataUrl(url.strip());
    }
    return image(bytes);
  }

  /** The image in {@code bytes}: PNG, JPEG, WebP (through the TwelveMonkeys ImageIO plugin), GIF or BMP. */
  static BufferedImage image(byte[] bytes) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      // a malformed file can make a reader plugin throw where ImageIO's own would return null
      throw ApiError.badRequest("input_reference", "input_reference could not be decoded: " + e.getMessage());
    }
    if (image == null) {
      throw ApiError.badRequest("input_reference", "input_reference is not a PNG, JPEG, WebP, GIF or BMP image");
    }
    return image;
  }

  private static byte[] dataUrl(String url) {
    if (!url.startsWith("data:")) {
      throw ApiError.badRequest("input_reference", "this server fetches no remote URLs: upload the image or send a data URL");
    }
    int comma = url.indexOf(',');
    if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
      throw ApiError.badRequest("input_reference", "the data URL must be base64: data:image/png;base64,...");
    }
    try {
      return Base64.getMimeDecoder().decode(url.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("input_reference", "the data URL is not valid base64");
    }
  }

}
