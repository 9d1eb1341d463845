package org.sora4j.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.WorldLayout;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/** Clips the world renders, as files a user would upload to make a character. */
final class WorldClips {
  private WorldClips() {}

  /** A 1 s, 64x64 MP4 of one small red ball falling and bouncing on the sand. */
  static byte[] redBall(Path dir) throws IOException {
    Scene scene = new Scene(List.of(new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL)), Motion.FALLS,
        Environment.SAND, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.STATIC, Speed.NORMAL);
    Path mp4 = Files.createTempFile(dir, "red-ball", ".mp4");
    VideoFiles.write(WorldRenderer.render(scene, new RenderOptions(64, 64, 8, 1), 7).video(), mp4);
    return Files.readAllBytes(mp4);
  }

  /** A PNG of the sand's backdrop and floor with nothing on them. */
  static byte[] emptySand() throws IOException {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      var color = (y + 0.5) / 64 < WorldLayout.FLOOR_Y ? Environment.SAND.backdrop() : Environment.SAND.floor();
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, color.r() << 16 | color.g() << 8 | color.b());
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }
}
