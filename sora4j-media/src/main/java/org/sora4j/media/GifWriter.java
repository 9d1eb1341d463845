package org.sora4j.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.sora4j.core.video.Video;

/**
 * Animated, looping GIFs through javax.imageio's GIF writer: well-kept, builds its own palette per
 * frame, and needs only frame-delay and loop metadata, where FFmpeg's gif encoder would need a
 * separate palette pass.
 */
final class GifWriter {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private GifWriter() {}

  /** Writes {@code video} as a GIF that loops forever. */
  static WriteReport write(Video video, Path path) throws IOException {
    // GIF frame delays are whole hundredths of a second
    int delay = (int) Math.max(1, Math.round(100 / video.fps()));
    double storedFps = 100.0 / delay;
    String adjustment =
        Math.abs(storedFps - video.fps()) > 1e-9
            ? "GIF delays are in 1/100 s: " + video.fps() + " fps stored as " + storedFps + " fps"
            : null;
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException(path + ": this Java runtime has no GIF writer");
    }
    ImageWriter writer = writers.next();
    OutputStream raw;
    try {
      raw = Files.newOutputStream(path);
    } catch (IOException e) {
      writer.dispose();
      throw FileProblems.wrap(path, "write GIF", e);
    }
    boolean done = false;
    try (raw;
        ImageOutputStream out = new MemoryCacheImageOutputStream(raw)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = frameMetadata(writer, param, delay);
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < video.frameCount(); i++) {
        BufferedImage image = StillImages.toImage(video.frame(i), video.width(), video.height());
        writer.writeToSequence(new IIOImage(image, null, metadata), param);
      }
      writer.endWriteSequence();
      done = true;
    } catch (IOException e) {
      throw FileProblems.wrap(path, "write GIF", e);
    } finally {
      writer.dispose();
      if (!done) {
        FileProblems.removeHalfWritten(path);
      }
    }
    return new WriteReport(
        path, video.width(), video.height(), video.frameCount(), storedFps, adjustment);
  }

  /** Per-frame metadata: the delay, no transparency, and the NETSCAPE loop-forever block. */
  private static IIOMetadata frameMetadata(ImageWriter writer, ImageWriteParam param, int delay)
      throws IOException {
    ImageTypeSpecifier type =
        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB);
    IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);

    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delay));
    control.setAttribute("transparentColorIndex", "0");

    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
    loop.setAttribute("applicationID", "NETSCAPE");
    loop.setAttribute("authenticationCode", "2.0");
    loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
    child(root, "ApplicationExtensions").appendChild(loop);

    metadata.setFromTree(FORMAT, root);
    return metadata;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
