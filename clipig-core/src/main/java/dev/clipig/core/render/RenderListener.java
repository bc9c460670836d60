package dev.clipig.core.render;

/** Called on the rendering thread after every step; keep it quick. */
@FunctionalInterface
public interface RenderListener {
    void onStep(StepReport report);
}
