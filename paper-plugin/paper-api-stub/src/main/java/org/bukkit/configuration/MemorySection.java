// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.configuration;

import java.util.Map;

public class MemorySection {
    protected MemorySection() {}

    public Map<String, Object> getValues(boolean deep) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
