package org.sora4j.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.sora4j.media.FfmpegCalls.AGAIN;
import static org.sora4j.media.FfmpegCalls.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.sora4j.core.video.Video;

/** Encodes a video with one FFmpeg encoder into one container, as an {@link Encoding} says. */
final class FfmpegWriter {
  private FfmpegWriter() {}

  /**
   * Writes {@code video} to {@code path} encoded as {@code encoding} says, with {@code tags} as
   * the container's metadata (e.g. "comment"; MP4 keeps the keys its muxer knows).
   */
  static WriteReport write(Video video, Path path, Encoding encoding, Map<String, String> tags)
      throws IOException {
    FfmpegCalls.init();
    int[] size = encoding.storedSize(video.width(), video.height());
    int width = size[0];
    int height = size[1];
    String adjustment =
        width == video.width() && height == video.height()
            ? null
            : "padded " + video.width() + "x" + video.height() + " to " + width + "x" + height
                + " for " + encoding.label() + " (" + encoding.sizeRule() + ")";
    FrameRate rate = FrameRate.of(video.fps());

    AVFormatContext muxer = new AVFormatContext(null);
    AVCodecContext encoder = null;
    AVFrame rgb = null;
    AVFrame yuv = null;
    AVPacket packet = null;
    SwsContext converter = null;
    AVDictionary muxerOptions = new AVDictionary(null);
    AVDictionary encoderOptions = new AVDictionary(null);
    boolean fileOpened = false;
    boolean done = false;
    try {
      check(avformat_alloc_output_context2(muxer, null, encoding.muxer(), path.toString()), path,
          "creating the " + encoding.muxer() + " muxer");
      if (!tags.isEmpty()) {
        // the muxer owns the dictionary from here and frees it with itself
        AVDictionary metadata = new AVDictionary(null);
        tags.forEach((k, v) -> av_dict_set(metadata, k, v, 0));
        muxer.metadata(metadata);
      }
      AVCodec codec = findEncoder(encoding, path);
      AVStream stream = avformat_new_stream(muxer, null);
      if (stream == null || stream.isNull()) {
        throw new IOException(path + ": could not add a video stream to the muxer");
      }
      encoder = avcodec_alloc_context3(codec);
      configure(encoder, width, height, rate, encoding);
      if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
        encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
      }
      encoding.encoderOptions().forEach((k, v) -> av_dict_set(encoderOptions, k, v, 0));
      check(avcodec_open2(encoder, codec, encoderOptions), path,
          "opening the " + encoding.label() + " encoder " + codec.name().getString());
      check(avcodec_parameters_from_context(stream.codecpar(), encoder), path,
          "copying encoder parameters");
      stream.time_base(encoder.time_base());
      stream.avg_frame_rate(encoder.framerate());

      AVIOContext io = new AVIOContext(null);
      // the file: prefix stops FFmpeg reading a name like "a:b.mp4" as a protocol
      check(avio_open(io, "file:" + path.toAbsolutePath(), AVIO_FLAG_WRITE), path,
          "opening for writing");
      fileOpened = true;
      muxer.pb(io);
      encoding.muxerOptions().forEach((k, v) -> av_dict_set(muxerOptions, k, v, 0));
      check(avformat_write_header(muxer, muxerOptions), path, "writing the header");

      rgb = allocFrame(AV_PIX_FMT_RGB24, width, height, path);
      yuv = allocFrame(AV_PIX_FMT_YUV420P, width, height, path);
      packet = av_packet_alloc();
      converter = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height,
          AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND, null, null, (DoublePointer) null);
      if (converter == null || converter.isNull()) {
        throw new IOException(path + ": could not create the RGB to YUV converter");
      }
      for (int i = 0; i < video.frameCount(); i++) {
        byte[] pixels = EdgePadding.pad(video.frame(i), video.width(), video.height(), width, height);
        putRows(rgb, pixels, width, height);
        check(av_frame_make_writable(yuv), path, "preparing a frame");
        sws_scale(converter, rgb.data(), rgb.linesize(), 0, height, yuv.data(), yuv.linesize());
        yuv.pts(i);
        check(avcodec_send_frame(encoder, yuv), path, "encoding frame " + i);
        writePackets(encoder, muxer, stream, packet, path);
      }
      // an empty frame tells the encoder the stream ended, so it hands out the packets it holds
      check(avcodec_send_frame(encoder, null), path, "flushing the encoder");
      writePackets(encoder, muxer, stream, packet, path);
      check(av_write_trailer(muxer), path, "finishing the file");
      done = true;
    } finally {
      // the *_free calls take a pointer to the pointer, so a null Java reference would crash FFmpeg
      sws_freeContext(converter);
      if (packet != null) {
        av_packet_free(packet);
      }
      if (rgb != null) {
        av_frame_free(rgb);
      }
      if (yuv != null) {
        av_frame_free(yuv);
      }
      if (encoder != null) {
        avcodec_free_context(encoder);
      }
      av_dict_free(muxerOptions);
      av_dict_free(encoderOptions);
      if (!muxer.isNull()) {
        if (fileOpened) {
          avio_closep(muxer.pb());
          muxer.pb(null);
        }
        avformat_free_context(muxer);
      }
      if (fileOpened && !done) {
        FileProblems.removeHalfWritten(path);
      }
    }
    return new WriteReport(path, width, height, video.frameCount(), rate.toDouble(), adjustment);
  }

  /** The first named encoder this FFmpeg build has, else any encoder for the codec. */
  private static AVCodec findEncoder(Encoding encoding, Path path) throws IOException {
    for (String name : encoding.encoders()) {
      AVCodec codec = avcodec_find_encoder_by_name(name);
      if (codec != null && !codec.isNull()) {
        return codec;
      }
    }
    AVCodec codec = avcodec_find_encoder(encoding.fallbackCodecId());
    if (codec == null || codec.isNull()) {
      throw new IOException(path + ": this FFmpeg build has no " + encoding.label() + " encoder");
    }
    return codec;
  }

  private static void configure(
      AVCodecContext encoder, int width, int height, FrameRate rate, Encoding encoding) {
    encoder.width(width);
    encoder.height(height);
    encoder.pix_fmt(AV_PIX_FMT_YUV420P);
    encoder.time_base(av_make_q(rate.den(), rate.num()));
    encoder.framerate(av_make_q(rate.num(), rate.den()));
    encoder.bit_rate(encoding.bitrate(width, height, rate.toDouble()));
    encoder.gop_size((int) Math.max(1, Math.round(rate.toDouble() * 2)));
    encoder.max_b_frames(0);
    // swscale's RGB to YUV is BT.601 limited range; say so, so players convert back the same way
    encoder.color_range(AVCOL_RANGE_MPEG);
    encoder.colorspace(AVCOL_SPC_SMPTE170M);
    encoder.color_primaries(AVCOL_PRI_SMPTE170M);
    encoder.color_trc(AVCOL_TRC_SMPTE170M);
  }

  private static AVFrame allocFrame(int format, int width, int height, Path path)
      throws IOException {
    AVFrame frame = av_frame_alloc();
    if (frame == null) {
      throw new IOException(path + ": out of memory allocating a frame");
    }
    frame.format(format);
    frame.width(width);
    frame.height(height);
    int ret = av_frame_get_buffer(frame, 0);
    if (ret < 0) {
      av_frame_free(frame);
      check(ret, path, "allocating a frame buffer");
    }
    return frame;
  }

  private static void putRows(AVFrame frame, byte[] rgb, int width, int height) {
    BytePointer data = frame.data(0);
    int stride = frame.linesize(0);
    for (int y = 0; y < height; y++) {
      data.position((long) y * stride).put(rgb, y * width * 3, width * 3);
    }
    data.position(0);
  }

  /** Moves every packet the encoder has ready into the file. */
  private static void writePackets(
      AVCodecContext encoder, AVFormatContext muxer, AVStream stream, AVPacket packet, Path path)
      throws IOException {
    while (true) {
      int ret = avcodec_receive_packet(encoder, packet);
      if (ret == AGAIN || ret == AVERROR_EOF) {
        return;
      }
      check(ret, path, "encoding");
      if (packet.duration() == 0) {
        packet.duration(1);
      }
      av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
      packet.stream_index(stream.index());
      check(av_interleaved_write_frame(muxer, packet), path, "writing a packet");
    }
  }
}
