// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

public final class Color {
    private Color() {}

    public static Color fromRGB(int rgb) throws IllegalArgumentException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
