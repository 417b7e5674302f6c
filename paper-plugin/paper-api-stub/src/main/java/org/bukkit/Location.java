// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

public class Location {
    public Location(final World world, final double x, final double y, final double z) {}

    public World getWorld() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public double getX() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public double getY() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public double getZ() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public float getYaw() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
