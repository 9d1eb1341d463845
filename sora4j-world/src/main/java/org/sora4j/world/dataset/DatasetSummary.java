package org.sora4j.world.dataset;

import java.nio.file.Path;

/**
 * What {@link DatasetWriter#write} wrote.
 *
 * @param clips entries written, videos and images together
 * @param images entries written as single images
 * @param frames frames over all entries
 * @param captions the {@code captions.jsonl} file
 * @param csv the {@code dataset.csv} file
 */
public record DatasetSummary(int clips, int images, long frames, Path captions, Path csv) {}
