// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

public enum Material {
    ;

    public static Material matchMaterial(final String name) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean isItem() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
