package org.sora4j.world.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;

/**
 * Gathers a prompt's object words into descriptions: "two red balls and a blue box" is two red
 * balls plus one blue box; "Two objects: a red ball and a blue box" names the total first.
 */
final class Subjects {
  /** The count asked for (null if open) and the objects described, one entry per object. */
  record Result(Integer count, List<ObjectSpec> objects) {}

  /** One noun phrase being read: its number, adjectives and noun. */
  private static final class Group {
    Integer count;
    boolean article;
    boolean plural;
    boolean noun;
    ObjectColor color;
    Size size;
    Shape shape;

    boolean hasAttributes() {
      return color != null || size != null || shape != null;
    }

    boolean isEmpty() {
      return count == null && !article && !noun && !hasAttributes();
    }

    /** The number of objects this group stands for, or null when a bare plural leaves it open. */
    Integer number() {
      if (count != null) {
        return count;
      }
      return plural ? null : Integer.valueOf(1);
    }

    boolean compatible(Group o) {
      return (color == null || o.color == null) && (size == null || o.size == null)
          && (shape == null || o.shape == null);
    }

    void absorb(Group o) {
      color = color != null ? color : o.color;
      size = size != null ? size : o.size;
      shape = shape != null ? shape : o.shape;
    }
  }

  private final List<Group> groups = new ArrayList<>();
  private Group current = new Group();

  /** Feeds the next term; terms that do not describe objects are ignored. */
  void accept(Term term) {
    if (term instanceof Term.Count c) {
      if (current.noun || current.hasAttributes() || current.count != null) {
        flush();
      }
      current.count = c.n();
    } else if (term instanceof Term.Article) {
      if (!current.isEmpty()) {
        flush();
      }
      current.article = true;
    } else if (term instanceof Term.Color c) {
      if (current.noun || current.color != null) {
        flush();
      }
      current.color = c.color();
    } else if (term instanceof Term.Bigness b) {
      if (current.noun || current.size != null) {
        flush();
      }
      current.size = b.size();
    } else if (term instanceof Term.ShapeNoun s) {
      if (current.noun) {
        flush();
      }
      current.shape = s.shape();
      current.noun = true;
      current.plural = s.plural();
    } else if (term instanceof Term.ObjectNoun o) {
      if (current.noun) {
        flush();
      }
      current.noun = true;
      current.plural = o.plural();
    }
  }

  /**
   * The count and objects described so far.
   *
   * @throws IllegalArgumentException if the prompt asks for more than {@link Scene#MAX_OBJECTS}
   *     objects, or for none
   */
  Result result() {
    flush();
    Integer total = null;
    List<Group> described = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      if (!g.hasAttributes()) {
        // "two objects: ..." or "an object" gives the total; a lone "a" before a place does not
        if (total == null && (g.count != null || g.noun)) {
          total = g.number();
          checkCount(total, "asks for");
        }
        continue;
      }
      if (!g.noun) {
        Group next = i + 1 < groups.size() ? groups.get(i + 1) : null;
        Group previous = described.isEmpty() ? null : described.get(described.size() - 1);
        if (next != null && next.noun && next.plural && next.shape != null && g.shape == null) {
          // "red and blue balls": the adjectives borrow the plural noun that follows
          g.shape = next.shape;
          next.plural = next.count != null;
          g.plural = false;
        } else if (previous != null && previous.compatible(g)) {
          // "a ball, large": trailing adjectives belong to the noun before them
          previous.absorb(g);
          continue;
        }
      }
      checkCount(g.number(), "asks for");
      described.add(g);
    }
    List<ObjectSpec> objects = new ArrayList<>();
    Integer sum = 0;
    for (Group g : described) {
      Integer n = g.number();
      ObjectSpec spec = new ObjectSpec(g.color, g.shape, g.size);
      objects.addAll(Collections.nCopies(n == null ? 1 : n, spec));
      sum = (sum == null || n == null) ? null : sum + n;
    }
    if (described.isEmpty()) {
      sum = null;
    }
    checkCount(sum, "describes");
    Integer count = total == null ? sum : sum == null ? total : Integer.valueOf(Math.max(total, sum));
    return new Result(count, objects);
  }

  private static void checkCount(Integer n, String verb) {
    if (n == null) {
      return;
    }
    if (n > Scene.MAX_OBJECTS) {
      throw new IllegalArgumentException("a scene has at most " + Scene.MAX_OBJECTS
          + " objects, the prompt " + verb + " " + (n == Integer.MAX_VALUE ? "more" : n));
    }
    if (n < 1) {
      throw new IllegalArgumentException("a scene has at least 1 object, the prompt " + verb + " " + n);
    }
  }

  private void flush() {
    if (!current.isEmpty()) {
      groups.add(current);
    }
    current = new Group();
  }
}
