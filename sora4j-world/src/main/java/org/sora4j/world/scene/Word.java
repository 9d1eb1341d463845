package org.sora4j.world.scene;

import java.util.List;

/** A vocabulary item: the word captions use for it and the words a prompt may use instead. */
public interface Word {
  /** The word or phrase captions use, e.g. "slow motion". */
  String word();

  /** Every lower-case word or phrase the prompt parser accepts for this item, the caption word first. */
  List<String> synonyms();
}
