package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.Video;

/** A video's frames as floats, for arithmetic. */
record Pixels(int width, int height, double fps, List<float[]> frames) {
  static Pixels of(Video video) {
    List<float[]> frames = new ArrayList<>(video.frameCount());
    for (int f = 0; f < video.frameCount(); f++) {
      byte[] bytes = video.frame(f);
      float[] rgb = new float[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        rgb[i] = bytes[i] & 0xff;
      }
      frames.add(rgb);
    }
    return new Pixels(video.width(), video.height(), video.fps(), List.copyOf(frames));
  }

  int count() {
    return frames.size();
  }

  int area() {
    return width * height;
  }
}
