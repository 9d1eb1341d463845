package org.sora4j.world.scene;

/**
 * One object as a prompt describes it. In a {@link SceneSpec} any field may be null, meaning the
 * prompt left it open; in a {@link Scene} every field is set.
 */
public record ObjectSpec(ObjectColor color, Shape shape, Size size) {
  /** True when color, shape and size are all set. */
  public boolean complete() {
    return color != null && shape != null && size != null;
  }
}
