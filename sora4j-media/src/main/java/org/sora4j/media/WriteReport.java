package org.sora4j.media;

import java.nio.file.Path;

/**
 * What {@link VideoFiles#write} wrote.
 *
 * @param path the file or folder written
 * @param width stored width in pixels (after any padding)
 * @param height stored height in pixels (after any padding)
 * @param frames number of frames stored
 * @param fps frame rate stored in the file (GIF can only approximate it)
 * @param adjustment null, or what had to change to fit the format, e.g. padding to even sizes
 */
public record WriteReport(Path path, int width, int height, int frames, double fps, String adjustment) {}
