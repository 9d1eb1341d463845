package org.sora4j.world.judge;

import static org.sora4j.world.judge.Fits.decay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Object permanence behind the wall: each object seen before the wall must come out on the other
 * side where its velocity before predicts, with the same color and shape.
 */
final class PermanenceScorer {
  private PermanenceScorer() {}

  static Verdict score(Observation o) {
    if (o.isImage()) {
      return null;
    }
    if (o.objects().isEmpty()) {
      return Verdict.of(0, "permanence: no object to follow");
    }
    double sum = 0;
    List<String> notes = new ArrayList<>();
    for (Track t : o.objects()) {
      sum += object(t, o, notes);
    }
    double score = sum / o.objects().size();
    return Verdict.of(score, notes.isEmpty() ? String.format(Locale.ROOT, "permanence: objects come back as predicted (%.2f)", score)
        : "permanence: " + String.join("; ", notes));
  }

  private static double object(Track t, Observation o, List<String> notes) {
    double wall = o.wallX();
    double side = Math.signum(t.first().x() - wall);
    List<Sighting> before = new ArrayList<>();
    List<Sighting> after = new ArrayList<>();
    for (Sighting s : t.placed()) {
      if (Math.signum(s.x() - wall) == side && after.isEmpty()) {
        before.add(s);
      } else if (Math.signum(s.x() - wall) == -side) {
        after.add(s);
      }
    }
    String name = t.color().word() + " object";
    if (before.size() < 2) {
      notes.add(name + " not seen before the wall");
      return 0;
    }
    if (after.isEmpty()) {
      notes.add(name + " never comes back from behind the wall");
      return 0;
    }
    double[] bt = before.stream().mapToDouble(Sighting::time).toArray();
    double[] bx = before.stream().mapToDouble(Sighting::x).toArray();
    double[] line = Fits.line(bt, bx);
    double[] errors = after.stream().mapToDouble(s -> Math.abs(s.x() - (line[0] + line[1] * s.time()))).toArray();
    double error = Fits.median(errors, errors.length);
    double where = decay(error, 0.03, 0.05);
    if (where < 0.5) {
      notes.add(String.format(Locale.ROOT, "%s comes back %.2f frame heights from where it should", name, error));
    }
    double color = sameColor(before, after);
    if (color < 0.5) {
      notes.add(name + " comes back in another color");
    }
    List<Sighting> wholeBefore = before.stream().filter(Sighting::clean).toList();
    List<Sighting> wholeAfter = after.stream().filter(Sighting::clean).toList();
    // a shape can only be compared where the whole object shows on both sides
    double shape = wholeBefore.isEmpty() || wholeAfter.isEmpty() ? 1 : ShapeModel.similarity(wholeBefore, wholeAfter);
    if (shape < 0.5) {
      notes.add(name + " comes back in another shape");
    }
    return where * color * shape;
  }

  private static double sameColor(List<Sighting> before, List<Sighting> after) {
    int[] a = new int[16];
    for (Sighting s : before) {
      a[s.blob().color()]++;
    }
    int same = 0;
    int top = 0;
    for (int c = 1; c < a.length; c++) {
      if (a[c] > a[top]) {
        top = c;
      }
    }
    for (Sighting s : after) {
      if (s.blob().color() == top) {
        same++;
      }
    }
    return (double) same / after.size();
  }
}
