package org.sora4j.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Turns FFmpeg's negative return codes into IOExceptions that name the file and the reason. */
final class FfmpegCalls {
  static {
    // FFmpeg logs to stderr by default; every failure we care about becomes an exception instead.
    av_log_set_level(AV_LOG_QUIET);
  }

  /** AVERROR(EAGAIN): the codec wants input before it can give output (EAGAIN is 11 on Linux). */
  static final int AGAIN = -11;

  private FfmpegCalls() {}

  /** Makes sure FFmpeg is loaded and silenced before any other FFmpeg call. */
  static void init() {
    // the static initializer does the work; calling this forces it to run
  }

  /** Returns {@code ret} unchanged if it is not negative, otherwise throws naming the step. */
  static int check(int ret, Path file, String step) throws IOException {
    if (ret < 0) {
      throw new IOException(file + ": " + step + " failed: " + describe(ret));
    }
    return ret;
  }

  /** FFmpeg's own text for an error code, as av_strerror gives it. */
  static String describe(int errorCode) {
    byte[] buffer = new byte[256];
    if (av_strerror(errorCode, buffer, buffer.length) < 0) {
      return "FFmpeg error " + errorCode;
    }
    int length = 0;
    while (length < buffer.length && buffer[length] != 0) {
      length++;
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }
}
