package org.sora4j.world.scene;

import java.util.List;

/**
 * What the objects do. Every motion applies to each object in the scene except {@link #COLLIDE},
 * which needs exactly two objects.
 */
public enum Motion implements Word {
  MOVES_LEFT("moves left", "moving left", "move left", "goes left", "going left", "slides left", "to the left", "leftward"),
  MOVES_RIGHT("moves right", "moving right", "move right", "goes right", "going right", "slides right", "to the right", "rightward"),
  MOVES_UP("moves up", "moving up", "move up", "goes up", "rises", "rising", "rise", "floats up", "upward"),
  MOVES_DOWN("moves down", "moving down", "move down", "goes down", "sinks", "sinking", "sink", "descends", "downward"),
  FALLS("falls and bounces", "fall and bounce", "falls", "fall", "falling", "bounces", "bounce", "bouncing", "drops", "drop", "dropping"),
  THROWN("is thrown", "are thrown", "thrown", "throw", "tossed", "toss", "is tossed", "are tossed", "flies in an arc", "arc"),
  ROLLS("rolls and slows to a stop", "roll and slow to a stop", "rolls", "roll", "rolling", "slides to a stop", "slows down", "slows"),
  COLLIDE("collide and bounce apart", "collide", "collides", "colliding", "collision", "crash", "crashes", "bump", "bump into each other", "hit each other"),
  BEHIND_WALL("passes behind a wall", "pass behind a wall", "passes behind the wall", "pass behind the wall", "behind a wall", "behind the wall", "hides behind a wall", "occluded", "disappears behind a wall"),
  RESTS("rests", "rest", "resting", "sits", "sit", "sitting", "still", "stays", "stay", "lies", "lying", "stationary");

  private final List<String> synonyms;

  Motion(String... synonyms) {
    this.synonyms = List.of(synonyms);
  }

  @Override
  public String word() {
    return synonyms.get(0);
  }

  @Override
  public List<String> synonyms() {
    return synonyms;
  }

  /** True for the motions under gravity, whose trajectories the judge checks for physics. */
  public boolean underGravity() {
    return this == FALLS || this == THROWN;
  }
}
