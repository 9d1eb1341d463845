package org.sora4j.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;

import java.util.List;
import java.util.Map;

/**
 * How {@link FfmpegWriter} encodes one kind of file.
 *
 * @param label what to call the codec in messages, e.g. "H.264"
 * @param muxer FFmpeg's short name of the container, e.g. "mp4"
 * @param encoders encoder names to try first, in order
 * @param fallbackCodecId any encoder for this codec id if none of {@code encoders} is present
 * @param evenSize whether the codec needs even width and height (pad by repeating the edge)
 * @param minSide smallest width or height the encoder accepts (pad by repeating the edge)
 * @param muxerOptions options for the container, e.g. movflags
 * @param encoderOptions options for the encoder, e.g. quantiser bounds
 * @param bitsPerPixel target bits per pixel per frame; the bitrate scales with size and fps
 * @param minBitrate lower bound for the bitrate in bits per second, so tiny clips stay sharp
 */
record Encoding(
    String label,
    String muxer,
    List<String> encoders,
    int fallbackCodecId,
    boolean evenSize,
    int minSide,
    Map<String, String> muxerOptions,
    Map<String, String> encoderOptions,
    double bitsPerPixel,
    long minBitrate) {

  /** Upper bound on any bitrate we ask for, in bits per second. */
  static final long MAX_BITRATE = 100_000_000;

  Encoding {
    encoders = List.copyOf(encoders);
    muxerOptions = Map.copyOf(muxerOptions);
    encoderOptions = Map.copyOf(encoderOptions);
  }

  /**
   * H.264 yuv420p in MP4 with the index first ({@code +faststart}) so browsers can start playing
   * before the whole file has arrived. openh264 is the encoder this LGPL FFmpeg build carries; its
   * quantiser is capped at 24 (of 51) so no frame is starved of bits, and it rejects frames
   * smaller than 16x16.
   */
  static Encoding h264Mp4() {
    return new Encoding("H.264", "mp4", List.of("libopenh264"), AV_CODEC_ID_H264, true, 16,
        Map.of("movflags", "+faststart"), Map.of("qmax", "24", "allow_skip_frames", "0"),
        0.3, 1_000_000);
  }

  /** VP8 yuv420p in WebM through libvpx, tuned for speed and high quality. */
  static Encoding vp8Webm() {
    return new Encoding("VP8", "webm", List.of("libvpx"), AV_CODEC_ID_VP8, false, 1, Map.of(),
        Map.of("deadline", "realtime", "cpu-used", "8", "qmin", "0", "qmax", "20"), 0.3,
        1_000_000);
  }

  /** The stored size for a {@code width x height} video: at least minSide, even if required. */
  int[] storedSize(int width, int height) {
    return new int[] {stored(width), stored(height)};
  }

  private int stored(int side) {
    int size = Math.max(side, minSide);
    return evenSize ? size + (size & 1) : size;
  }

  /** Why {@link #storedSize} may grow a video, for the write report. */
  String sizeRule() {
    String even = evenSize ? "even dimensions" : "";
    String min = minSide > 1 ? "at least " + minSide + "x" + minSide : "";
    return even.isEmpty() || min.isEmpty() ? even + min : even + ", " + min;
  }

  /** The bitrate for frames of this size at this rate, within the bounds. */
  long bitrate(int width, int height, double fps) {
    long wanted = Math.round(width * (double) height * fps * bitsPerPixel);
    return Math.max(minBitrate, Math.min(MAX_BITRATE, wanted));
  }
}
