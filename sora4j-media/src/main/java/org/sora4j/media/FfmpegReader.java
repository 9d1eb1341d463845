package org.sora4j.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_STREAM;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.sora4j.media.FfmpegCalls.AGAIN;
import static org.sora4j.media.FfmpegCalls.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.sora4j.core.video.Video;

/** Decodes the best video stream of any container FFmpeg can open into RGB frames. */
final class FfmpegReader {
  /** Frame rate assumed when the container states none (still images, some GIFs). */
  static final double DEFAULT_FPS = 24;

  private FfmpegReader() {}

  /** Reads every frame of the file's main video stream. */
  static Video read(Path path) throws IOException {
    FfmpegCalls.init();
    AVFormatContext demuxer = new AVFormatContext(null);
    boolean demuxerOpen = false;
    AVCodecContext decoder = null;
    AVPacket packet = null;
    try {
      openInput(demuxer, path);
      demuxerOpen = true;
      check(avformat_find_stream_info(demuxer, (AVDictionary) null), path,
          "reading stream information");
      int index = av_find_best_stream(demuxer, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
      if (index < 0) {
        throw new IOException(path + ": no video stream in the file (" + contents(demuxer) + ")");
      }
      AVStream stream = demuxer.streams(index);
      AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
      if (codec == null || codec.isNull()) {
        throw new IOException(path + ": no decoder for the video stream's codec (id "
            + stream.codecpar().codec_id() + ")");
      }
      decoder = avcodec_alloc_context3(codec);
      check(avcodec_parameters_to_context(decoder, stream.codecpar()), path,
          "copying stream parameters");
      check(avcodec_open2(decoder, codec, (AVDictionary) null), path,
          "opening the " + codec.name().getString() + " decoder");

      packet = av_packet_alloc();
      try (RgbSink sink = new RgbSink(path)) {
        int ret;
        while ((ret = av_read_frame(demuxer, packet)) >= 0) {
          int sent = packet.stream_index() == index ? avcodec_send_packet(decoder, packet) : 0;
          av_packet_unref(packet);
          check(sent, path, "decoding (corrupt or truncated file?)");
          sink.drain(decoder);
        }
        if (ret != AVERROR_EOF) {
          check(ret, path, "reading packets (truncated file?)");
        }
        // an empty packet tells the decoder the stream ended, so it hands out the frames it holds
        check(avcodec_send_packet(decoder, (AVPacket) null), path, "flushing the decoder");
        sink.drain(decoder);

        if (sink.frames.isEmpty()) {
          throw new IOException(path + ": no frame could be decoded (corrupt or truncated file?)");
        }
        double fps = fps(stream);
        requireComplete(path, demuxer, stream, sink, fps);
        return Video.of(sink.width, sink.height, fps, sink.frames);
      }
    } finally {
      // the *_free calls take a pointer to the pointer, so a null Java reference would crash FFmpeg
      if (packet != null) {
        av_packet_free(packet);
      }
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      if (demuxerOpen) {
        avformat_close_input(demuxer);
      }
    }
  }

  /**
   * The container's metadata tags (e.g. "comment", "encoder"), without decoding any frame. Keys
   * come in lower case, as FFmpeg compares them: Matroska stores them in upper case.
   */
  static Map<String, String> tags(Path path) throws IOException {
    FfmpegCalls.init();
    AVFormatContext demuxer = new AVFormatContext(null);
    openInput(demuxer, path);
    try {
      Map<String, String> tags = new LinkedHashMap<>();
      AVDictionaryEntry entry = null;
      while ((entry = av_dict_iterate(demuxer.metadata(), entry)) != null && !entry.isNull()) {
        tags.put(entry.key().getString().toLowerCase(Locale.ROOT), entry.value().getString(StandardCharsets.UTF_8));
      }
      return tags;
    } finally {
      avformat_close_input(demuxer);
    }
  }

  private static void openInput(AVFormatContext demuxer, Path path) throws IOException {
    // the file: prefix stops FFmpeg reading a name like "a:b.mp4" as a protocol
    check(avformat_open_input(demuxer, "file:" + path.toAbsolutePath(), null, (AVDictionary) null), path,
        "opening as video (not a known video format?)");
  }

  /** What the demuxer found, e.g. "wav container holding audio", for messages. */
  private static String contents(AVFormatContext demuxer) {
    String container = demuxer.iformat().name().getString() + " container";
    if (demuxer.nb_streams() == 0) {
      return container + " holding no streams; truncated before its index?";
    }
    StringJoiner kinds = new StringJoiner(", ", container + " holding ", "");
    for (int i = 0; i < demuxer.nb_streams(); i++) {
      BytePointer kind = av_get_media_type_string(demuxer.streams(i).codecpar().codec_type());
      kinds.add(kind == null || kind.isNull() ? "unknown" : kind.getString());
    }
    return kinds.toString();
  }

  /**
   * Fails if the decoded frames fall short of what the container promises, which is how a file cut
   * short shows: the MP4 index lists every frame, and a WebM/MKV header states the duration.
   */
  private static void requireComplete(
      Path path, AVFormatContext demuxer, AVStream stream, RgbSink sink, double fps)
      throws IOException {
    int decoded = sink.frames.size();
    long listed = stream.nb_frames();
    if (listed > 0) {
      if (decoded < listed) {
        throw new IOException(path + ": truncated, the file lists " + listed
            + " frames but only " + decoded + " could be decoded");
      }
      return;
    }
    // only a duration the container states, and only when no other stream can make it longer
    boolean stated = demuxer.duration_estimation_method() == AVFMT_DURATION_FROM_STREAM
        && demuxer.duration() != AV_NOPTS_VALUE && demuxer.nb_streams() == 1
        && sink.lastStart != AV_NOPTS_VALUE;
    if (!stated) {
      return;
    }
    double seconds = demuxer.duration() / (double) AV_TIME_BASE;
    long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
    AVRational base = stream.time_base();
    // timestamps rather than a frame count, so a variable frame rate cannot look like a gap
    double covered = (sink.lastStart - start) * (double) base.num() / base.den() + 1 / fps;
    if (seconds - covered > 1.5 / fps) {
      throw new IOException(path + String.format(Locale.ROOT,
          ": truncated, the file states %.2f s but its frames end at %.2f s", seconds, covered));
    }
  }

  private static double fps(AVStream stream) {
    for (AVRational rate : new AVRational[] {stream.avg_frame_rate(), stream.r_frame_rate()}) {
      if (rate.num() > 0 && rate.den() > 0) {
        return (double) rate.num() / rate.den();
      }
    }
    return DEFAULT_FPS;
  }

  /** Turns decoded frames of any pixel format into packed RGB, keeping its native buffers. */
  private static final class RgbSink implements AutoCloseable {
    /** Frames held in memory may use at most this share of the heap before we give up. */
    private static final double HEAP_SHARE = 0.5;

    private final Path path;
    private final List<byte[]> frames = new ArrayList<>();
    private final AVFrame decoded = av_frame_alloc();
    private AVFrame rgb;
    private SwsContext converter;
    private int width;
    private int height;
    private long bytes;
    /** Latest frame start seen, in the stream's time base; AV_NOPTS_VALUE is Long.MIN_VALUE. */
    private long lastStart = AV_NOPTS_VALUE;

    RgbSink(Path path) {
      this.path = path;
    }

    /** Takes every frame the decoder has ready. */
    void drain(AVCodecContext decoder) throws IOException {
      while (true) {
        int ret = avcodec_receive_frame(decoder, decoded);
        if (ret == AGAIN || ret == AVERROR_EOF) {
          return;
        }
        check(ret, path, "decoding");
        try {
          lastStart = Math.max(lastStart, decoded.best_effort_timestamp());
          frames.add(toRgb(decoded));
        } finally {
          av_frame_unref(decoded);
        }
      }
    }

    private byte[] toRgb(AVFrame frame) throws IOException {
      if (rgb == null) {
        width = frame.width();
        height = frame.height();
        rgb = av_frame_alloc();
        rgb.format(AV_PIX_FMT_RGB24);
        rgb.width(width);
        rgb.height(height);
        check(av_frame_get_buffer(rgb, 0), path, "allocating an RGB frame");
      } else if (frame.width() != width || frame.height() != height) {
        throw new IOException(path + ": frame size changes from " + width + "x" + height + " to "
            + frame.width() + "x" + frame.height() + ", which is not supported");
      }
      bytes += (long) width * height * 3;
      if (bytes > Runtime.getRuntime().maxMemory() * HEAP_SHARE) {
        throw new IOException(path + ": too large to hold in memory (" + frames.size()
            + " frames of " + width + "x" + height + " so far)");
      }
      converter = sws_getCachedContext(converter, width, height, frame.format(), width, height,
          AV_PIX_FMT_RGB24, SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, null, null,
          (DoublePointer) null);
      if (converter == null || converter.isNull()) {
        throw new IOException(path + ": cannot convert pixel format " + frame.format() + " to RGB");
      }
      sws_scale(converter, frame.data(), frame.linesize(), 0, height, rgb.data(), rgb.linesize());
      byte[] out = new byte[width * height * 3];
      BytePointer data = rgb.data(0);
      int stride = rgb.linesize(0);
      for (int y = 0; y < height; y++) {
        data.position((long) y * stride).get(out, y * width * 3, width * 3);
      }
      data.position(0);
      return out;
    }

    @Override
    public void close() {
      sws_freeContext(converter);
      if (rgb != null) {
        av_frame_free(rgb);
      }
      av_frame_free(decoded);
    }
  }
}
