package org.sora4j.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sora4j.core.video.Video;

/**
 * A video kept as a folder of numbered images: {@code frame_00000.png, frame_00001.png, ...}, and
 * its frame rate in {@code fps.txt}, since images carry none: without it a folder read back would
 * play at a guessed rate, and speeds and accelerations measured on it would be off.
 */
final class FrameFolder {
  private static final Pattern OWN_FRAME = Pattern.compile("frame_\\d{5,}\\.png");
  static final String RATE_FILE = "fps.txt";

  private FrameFolder() {}

  /**
   * Writes every frame as {@code frame_NNNNN.png}, creating the folder; earlier frame files of
   * that pattern are removed first so a shorter video does not inherit a longer one's tail.
   */
  static WriteReport write(Video video, Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir)) {
        for (Path file : old) {
          if (OWN_FRAME.matcher(file.getFileName().toString()).matches()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw FileProblems.wrap(dir, "write frames into folder", e);
    }
    for (int i = 0; i < video.frameCount(); i++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "frame_%05d.png", i));
      StillImages.writePng(video.frame(i), video.width(), video.height(), file);
    }
    try {
      Files.writeString(dir.resolve(RATE_FILE), Double.toString(video.fps()) + "\n");
    } catch (IOException e) {
      throw FileProblems.wrap(dir.resolve(RATE_FILE), "write the frame rate", e);
    }
    return new WriteReport(dir, video.width(), video.height(), video.frameCount(), video.fps(), null);
  }

  /**
   * The rate the folder's {@code fps.txt} records, or {@code fallback} when it has none.
   *
   * @throws IOException if the file is there but does not hold a positive number
   */
  static double recordedRate(Path dir, double fallback) throws IOException {
    Path file = dir.resolve(RATE_FILE);
    if (!Files.isRegularFile(file)) {
      return fallback;
    }
    String text = Files.readString(file).trim();
    double fps;
    try {
      fps = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      fps = Double.NaN;
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IOException(file + ": should hold the folder's frame rate, a positive number, but holds '"
          + text + "'");
    }
    return fps;
  }

  /** Reads every PNG or JPEG in the folder, in natural name order, as frames at {@code fps}. */
  static Video read(Path dir, double fps) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path file : entries) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(file)
            && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw FileProblems.wrap(dir, "list frames", e);
    }
    if (files.isEmpty()) {
      throw new IOException(dir + ": folder holds no PNG or JPEG frames");
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString(), FrameFolder::naturalOrder));
    List<byte[]> frames = new ArrayList<>(files.size());
    int width = 0;
    int height = 0;
    for (Path file : files) {
      int[] size = new int[2];
      byte[] rgb = StillImages.readRgb(file, size);
      if (frames.isEmpty()) {
        width = size[0];
        height = size[1];
      } else if (size[0] != width || size[1] != height) {
        throw new IOException(file + ": frame is " + size[0] + "x" + size[1] + " but earlier frames"
            + " in " + dir + " are " + width + "x" + height);
      }
      frames.add(rgb);
    }
    return Video.of(width, height, fps, frames);
  }

  /** Compares names with digit runs as numbers, so frame_9 sorts before frame_10. */
  static int naturalOrder(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int cmp = na.length() != nb.length() ? na.length() - nb.length() : na.compareTo(nb);
        if (cmp != 0) {
          return cmp;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return (a.length() - i) - (b.length() - j);
  }
}
