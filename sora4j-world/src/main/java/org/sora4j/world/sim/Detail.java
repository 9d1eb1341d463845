package org.sora4j.world.sim;

import org.sora4j.world.scene.Rgb;

/** A figure painted in one flat color (already tinted for the time of day). */
record Detail(Figure figure, Rgb color) {}
