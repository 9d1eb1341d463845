package org.sora4j.world.dataset;

import java.util.List;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.sim.FrameTruth;

/**
 * One line of {@code captions.jsonl}: a clip's file, captions, format, seed, scene and ground
 * truth. Written with snake_case names ({@code short_caption}, {@code num_frames}, ...).
 *
 * @param path the clip's file relative to the dataset folder
 * @param seed renders this clip again: {@code WorldRenderer.render(scene, options, seed)}
 * @param groundTruth one entry per frame
 */
public record DatasetEntry(
    String path,
    String shortCaption,
    String detailedCaption,
    int width,
    int height,
    double fps,
    int numFrames,
    long seed,
    List<ObjectSpec> objects,
    Motion motion,
    Environment environment,
    TimeOfDay time,
    Lighting lighting,
    CameraMove camera,
    Speed speed,
    List<FrameTruth> groundTruth) {}
