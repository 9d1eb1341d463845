package org.sora4j.world.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;

/**
 * Describes a scene in words. The short caption reads like a user's prompt and names a few
 * attributes; the detailed caption (the re-annotation the diffusion model trains on, as in DALL-E 3
 * and Sora) spells out every attribute with the vocabulary's own words in one fixed template, so
 * the prompt parser reads it back to the same scene.
 */
public final class Captions {
  private static final String[] COUNTS = {"zero", "one", "two", "three"};

  private Captions() {}

  /**
   * A short, user-style caption such as "two blue boxes move left on the sand": the objects, the
   * motion and one to three other attributes chosen deterministically from the scene.
   */
  public static String shortCaption(Scene s) {
    SplittableRandom pick = new SplittableRandom(key(s));
    boolean withSize = pick.nextInt(3) == 0;
    String subject = objects(s.objects(), withSize);
    boolean plural = s.objects().size() > 1;
    StringBuilder b = new StringBuilder(subject).append(' ').append(shortVerb(s.motion(), plural, pick));
    List<Integer> extras = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    int mention = 1 + pick.nextInt(3);
    boolean[] chosen = new boolean[5];
    for (int k = 0; k < mention; k++) {
      chosen[extras.remove(pick.nextInt(extras.size()))] = true;
    }
    if (chosen[0]) {
      b.append(' ').append(place(s.environment()));
    }
    if (chosen[1]) {
      b.append(' ').append(shortTime(s.time()));
    }
    if (chosen[2]) {
      b.append(s.lighting() == Lighting.CINEMATIC ? ", with cinematic lighting" : ", in natural light");
    }
    if (chosen[3]) {
      b.append(", ").append(shortSpeed(s.speed()));
    }
    if (chosen[4]) {
      b.append(s.camera() == CameraMove.STATIC ? ", static camera" : ", as the " + s.camera().word());
    }
    return b.toString();
  }

  /**
   * The detailed caption: every object (count, size, color, shape), the motion, environment, time
   * of day, lighting, camera and speed, e.g. "Two objects: a small red ball and a large blue box.
   * They fall and bounce on the grass, at sunset, with cinematic lighting; the camera pans left;
   * slow motion."
   */
  public static String detailedCaption(Scene s) {
    int n = s.objects().size();
    boolean plural = n > 1;
    String count = capitalise(COUNTS[n]) + (plural ? " objects: " : " object: ");
    return count + objects(s.objects(), true) + ". "
        + (plural ? "They " : "It ") + verb(s.motion(), plural) + " " + place(s.environment())
        + ", " + time(s.time()) + ", with " + s.lighting().word() + "; "
        + camera(s.camera()) + "; " + s.speed().word() + ".";
  }

  /** "a small red ball, two large blue boxes and ...": runs of identical objects share a count. */
  private static String objects(List<ObjectSpec> objects, boolean withSize) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < objects.size()) {
      ObjectSpec o = objects.get(i);
      int run = 1;
      while (i + run < objects.size() && objects.get(i + run).equals(o)) {
        run++;
      }
      String adjectives = (withSize ? o.size().word() + " " : "") + o.color().word();
      parts.add(run == 1
          ? article(adjectives) + " " + adjectives + " " + o.shape().word()
          : COUNTS[run] + " " + adjectives + " " + o.shape().plural());
      i += run;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** The motion for one object (the vocabulary's word) or several (its plural, also in the vocabulary). */
  private static String verb(Motion m, boolean plural) {
    if (!plural) {
      return m.word();
    }
    return switch (m) {
      case MOVES_LEFT -> "move left";
      case MOVES_RIGHT -> "move right";
      case MOVES_UP -> "move up";
      case MOVES_DOWN -> "move down";
      case FALLS -> "fall and bounce";
      case THROWN -> "are thrown";
      case ROLLS -> "roll and slow to a stop";
      case COLLIDE -> "collide and bounce apart";
      case BEHIND_WALL -> "pass behind a wall";
      case RESTS -> "rest";
    };
  }

  private static String shortVerb(Motion m, boolean plural, SplittableRandom pick) {
    return switch (m) {
      case FALLS -> pick.nextBoolean() ? (plural ? "bounce" : "bounces") : (plural ? "fall" : "falls");
      case ROLLS -> plural ? "roll" : "rolls";
      case COLLIDE -> "collide";
      default -> verb(m, plural);
    };
  }

  private static String place(Environment e) {
    return switch (e) {
      case GRASS, SAND, SNOW -> "on the " + e.word();
      case SKY -> "in the " + e.word();
      case SPACE -> "in " + e.word();
      case ROOM -> "in a " + e.word();
    };
  }

  private static String time(TimeOfDay t) {
    return t == TimeOfDay.DAY ? "during the " + t.word() : "at " + t.word();
  }

  private static String shortTime(TimeOfDay t) {
    return t == TimeOfDay.DAY ? "in daylight" : "at " + t.word();
  }

  private static String camera(CameraMove c) {
    return c == CameraMove.STATIC ? c.word() : "the " + c.word();
  }

  private static String shortSpeed(Speed s) {
    return s == Speed.NORMAL ? "in real time" : "in " + s.word();
  }

  private static String article(String next) {
    return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A seed from the scene's values by ordinal; enum hash codes change from run to run. */
  private static long key(Scene s) {
    long k = 17;
    for (ObjectSpec o : s.objects()) {
      k = k * 31 + o.color().ordinal();
      k = k * 31 + o.shape().ordinal();
      k = k * 31 + o.size().ordinal();
    }
    for (Enum<?> e : List.<Enum<?>>of(s.motion(), s.environment(), s.time(), s.lighting(), s.camera(), s.speed())) {
      k = k * 31 + e.ordinal();
    }
    return k;
  }
}
