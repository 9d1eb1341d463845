package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;

/** One object followed through the video: its sightings in frame order (frames may be missing). */
record Track(List<Sighting> sightings) {
  Track {
    sightings = List.copyOf(sightings);
  }

  Sighting first() {
    return sightings.get(0);
  }

  Sighting last() {
    return sightings.get(sightings.size() - 1);
  }

  List<Sighting> clean() {
    List<Sighting> out = new ArrayList<>();
    for (Sighting s : sightings) {
      if (s.clean()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Clean sightings, or all if none is clean: what shape and size are measured on. */
  List<Sighting> measured() {
    List<Sighting> clean = clean();
    return clean.isEmpty() ? sightings : clean;
  }

  /** Sightings whose position can be trusted. */
  List<Sighting> placed() {
    List<Sighting> out = new ArrayList<>();
    for (Sighting s : sightings) {
      if (s.placed()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Share of the object's seen area painted in each object color. */
  double[] colorShares() {
    double[] votes = new double[ObjectColor.values().length];
    double total = 0;
    for (Sighting s : sightings) {
      votes[s.blob().color()] += s.blob().area();
      total += s.blob().area();
    }
    for (int i = 0; i < votes.length; i++) {
      votes[i] = total > 0 ? votes[i] / total : 0;
    }
    return votes;
  }

  /** The color seen most. */
  ObjectColor color() {
    double[] shares = colorShares();
    int best = 0;
    for (int i = 1; i < shares.length; i++) {
      if (shares[i] > shares[best]) {
        best = i;
      }
    }
    return ObjectColor.values()[best];
  }

  /** The most likely shape. */
  Shape shape() {
    return ShapeModel.best(measured());
  }

  /** The size whose nominal radius is nearest the measured one (on a log scale). */
  Size size() {
    double r = radius();
    Size best = Size.values()[0];
    for (Size s : Size.values()) {
      if (Math.abs(Math.log(r / s.radius())) < Math.abs(Math.log(r / best.radius()))) {
        best = s;
      }
    }
    return best;
  }

  /** The object in the world's words: its color, shape and size. */
  ObjectSpec spec() {
    return new ObjectSpec(color(), shape(), size());
  }

  /** Median world radius over clean sightings, or over all if none is clean. */
  double radius() {
    List<Sighting> use = measured();
    double[] r = new double[use.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = use.get(i).radius();
    }
    return Fits.median(r, r.length);
  }
}
