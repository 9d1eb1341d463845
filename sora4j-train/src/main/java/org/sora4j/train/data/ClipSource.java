package org.sora4j.train.data;

import java.io.IOException;
import java.util.SplittableRandom;

/** Where training clips come from: the world rendered on the fly, or a folder of files. */
public sealed interface ClipSource permits WorldClips, FolderClips {
  /**
   * A clip drawn with {@code rng}: the same random state gives the same clip, so a resumed run
   * sees the data of a straight run.
   *
   * @param minFrames the clip has at least this many frames where the source can give them
   */
  CaptionedClip draw(SplittableRandom rng, int minFrames) throws IOException;

  /** For the log: what the clips are. */
  String describe();
}
