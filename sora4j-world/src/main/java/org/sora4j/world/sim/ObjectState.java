package org.sora4j.world.sim;

/**
 * Where one object is in one rendered frame. Pixel coordinates run from the frame's top-left
 * corner; pixel column {@code i} spans {@code [i, i + 1)}, so its centre is at {@code i + 0.5}.
 *
 * @param index the object's index in {@link org.sora4j.world.scene.Scene#objects()}
 * @param x centre of the object's bounding square, in pixels from the left edge
 * @param y centre of the object's bounding square, in pixels from the top edge
 * @param radius half the side of the bounding square in pixels, after zoom
 * @param visibility fraction of the object's area not hidden by the wall or the frame edge, 0 to 1
 */
public record ObjectState(int index, double x, double y, double radius, double visibility) {}
