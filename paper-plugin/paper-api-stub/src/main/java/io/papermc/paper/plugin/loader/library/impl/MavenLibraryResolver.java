// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.plugin.loader.library.impl;

import io.papermc.paper.plugin.loader.library.ClassPathLibrary;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;

public class MavenLibraryResolver implements ClassPathLibrary {
    /**
     * Present from Paper 1.21.6 on and in 1.21.4 builds from June 2025; missing from earlier 1.21.4 builds and
     * from every 1.21.5 build, so callers must cope with its absence.
     */
    public static final String MAVEN_CENTRAL_DEFAULT_MIRROR = stub();

    public MavenLibraryResolver() {}

    public void addDependency(final Dependency dependency) {}

    public void addRepository(final RemoteRepository remoteRepository) {}

    private static String stub() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
