// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.entity;

import org.bukkit.Color;
import org.bukkit.util.Transformation;

public interface Display extends Entity {
    void setTransformation(Transformation transformation);

    void setInterpolationDuration(int duration);

    void setTeleportDuration(int duration);

    void setViewRange(float range);

    void setDisplayWidth(float width);

    void setDisplayHeight(float height);

    void setInterpolationDelay(int ticks);

    void setGlowColorOverride(Color color);

    void setBrightness(Brightness brightness);

    class Brightness {
        public Brightness(int blockLight, int skyLight) {}
    }
}
