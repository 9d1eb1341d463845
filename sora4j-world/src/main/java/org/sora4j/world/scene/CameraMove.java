package org.sora4j.world.scene;

import java.util.List;

/** What the camera does over the clip. */
public enum CameraMove implements Word {
  STATIC("static camera", "static", "still camera", "fixed camera", "locked camera", "tripod"),
  PAN_LEFT("camera pans left", "pans left", "pan left", "panning left", "camera pan left"),
  PAN_RIGHT("camera pans right", "pans right", "pan right", "panning right", "camera pan right"),
  ZOOM_IN("camera zooms in", "zooms in", "zoom in", "zooming in", "push in", "dolly in"),
  ZOOM_OUT("camera zooms out", "zooms out", "zoom out", "zooming out", "pull out", "dolly out");

  private final List<String> synonyms;

  CameraMove(String... synonyms) {
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
}
