package org.sora4j.world.judge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of prompts to benchmark on: one prompt per line, blank lines and lines starting with
 * {@code #} skipped. The public set ships as a resource.
 */
public final class PromptSet {
  private static final String PUBLIC = "/org/sora4j/world/prompts/public.txt";

  private PromptSet() {}

  /** The public prompt set that covers every vocabulary item. */
  public static List<String> publicSet() {
    try (InputStream in = PromptSet.class.getResourceAsStream(PUBLIC)) {
      if (in == null) {
        throw new IllegalStateException("the public prompt set " + PUBLIC + " is missing from the jar");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a prompt file.
   *
   * @throws IOException naming the file if it cannot be read or holds no prompt
   */
  public static List<String> read(Path file) throws IOException {
    List<String> prompts;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      prompts = read(r);
    } catch (NoSuchFileException e) {
      throw new IOException("prompt file not found: " + file, e);
    } catch (IOException e) {
      throw new IOException("cannot read prompt file " + file + ": " + e.getMessage(), e);
    }
    if (prompts.isEmpty()) {
      throw new IOException("prompt file " + file + " holds no prompt");
    }
    return prompts;
  }

  private static List<String> read(Reader reader) throws IOException {
    List<String> prompts = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String p = line.strip();
      if (!p.isEmpty() && !p.startsWith("#")) {
        prompts.add(p);
      }
    }
    return prompts;
  }
}
