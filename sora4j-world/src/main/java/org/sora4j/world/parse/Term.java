package org.sora4j.world.parse;

import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Word;

/** What one word or phrase of a prompt means. */
sealed interface Term {
  /** The prompt text the term was read from. */
  String text();

  /** A number of objects: "two", "3", "a pair of". */
  record Count(String text, int n) implements Term {}

  /** "a" or "an": one object, unless a number says otherwise. */
  record Article(String text) implements Term {}

  /** An object's color. */
  record Color(String text, ObjectColor color) implements Term {}

  /** An object's size. */
  record Bigness(String text, Size size) implements Term {}

  /** An object noun naming its shape ("balls"). */
  record ShapeNoun(String text, Shape shape, boolean plural) implements Term {}

  /** An object noun without a shape ("objects", "thing"). */
  record ObjectNoun(String text, boolean plural) implements Term {}

  /** A scene-wide attribute: a motion, environment, time of day, lighting, camera move or speed. */
  record Attribute(String text, Word value) implements Term {}

  /** A word that carries no meaning here ("the", "with"). */
  record Filler(String text) implements Term {}

  /** A word the parser does not understand. */
  record Unknown(String text) implements Term {}
}
