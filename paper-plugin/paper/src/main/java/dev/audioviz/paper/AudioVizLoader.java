package dev.audioviz.paper;

import io.papermc.paper.plugin.loader.PluginClasspathBuilder;
import io.papermc.paper.plugin.loader.PluginLoader;
import io.papermc.paper.plugin.loader.library.impl.MavenLibraryResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Adds GraalJS to the plugin's classpath at load time (it is too large to shade) through Paper's library
 * resolver, from Paper's Maven Central mirror — never from Maven Central itself, whose terms forbid use as a
 * download CDN. The coordinates come from {@code audioviz-libraries.txt}, written by the build.
 */
public final class AudioVizLoader implements PluginLoader {
    /** The mirror Paper 1.21.4–1.21.5 would have picked; later versions publish it as a constant. */
    private static final String FALLBACK_MIRROR = "https://maven-central.storage-download.googleapis.com/maven2";

    @Override
    public void classloader(PluginClasspathBuilder classpathBuilder) {
        MavenLibraryResolver resolver = new MavenLibraryResolver();
        resolver.addRepository(new RemoteRepository.Builder("central", "default", centralMirror()).build());
        for (String coordinates : libraries()) {
            resolver.addDependency(new Dependency(new DefaultArtifact(coordinates), null));
        }
        classpathBuilder.addLibrary(resolver);
    }

    /**
     * {@link MavenLibraryResolver#MAVEN_CENTRAL_DEFAULT_MIRROR} where it exists (Paper 1.21.6 and later, and 1.21.4
     * builds from June 2025); on older servers the field is missing, so the same lookup it performs is repeated here.
     */
    static String centralMirror() {
        try {
            return MavenLibraryResolver.MAVEN_CENTRAL_DEFAULT_MIRROR;
        } catch (NoSuchFieldError olderPaper) {
            String mirror = System.getenv("PAPER_DEFAULT_CENTRAL_REPOSITORY");
            if (mirror == null) mirror = System.getProperty("org.bukkit.plugin.java.LibraryLoader.centralURL");
            return mirror != null ? mirror : FALLBACK_MIRROR;
        }
    }

    /** Maven coordinates (group:artifact:version) of the runtime libraries. */
    static List<String> libraries() {
        try (InputStream in = AudioVizLoader.class.getResourceAsStream("/audioviz-libraries.txt")) {
            if (in == null) throw new IllegalStateException("audioviz-libraries.txt is missing from the plugin jar");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audioviz-libraries.txt", e);
        }
    }
}
