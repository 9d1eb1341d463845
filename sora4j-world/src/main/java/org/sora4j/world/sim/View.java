package org.sora4j.world.sim;

/**
 * The camera's view in one frame: which world point sits at the frame centre and how many pixels
 * one frame height of the world spans. World units are frame heights, y down.
 */
record View(double centerX, double centerY, double zoom, int width, int height) {
  /** Pixels per world unit. */
  double scale() {
    return height * zoom;
  }

  double toPixelX(double worldX) {
    return (worldX - centerX) * scale() + width / 2.0;
  }

  double toPixelY(double worldY) {
    return (worldY - centerY) * scale() + height / 2.0;
  }

  double toWorldX(double pixelX) {
    return centerX + (pixelX - width / 2.0) / scale();
  }

  double toWorldY(double pixelY) {
    return centerY + (pixelY - height / 2.0) / scale();
  }

  double left() {
    return toWorldX(0);
  }

  double right() {
    return toWorldX(width);
  }

  double top() {
    return toWorldY(0);
  }

  double bottom() {
    return toWorldY(height);
  }
}
