package dev.audioviz.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Maven Central mirror the plugin loader hands Paper, against {@code MavenLibraryResolver} as each Paper
 * has it: Paper 1.21.6+ (and late 1.21.4 builds) publish {@code MAVEN_CENTRAL_DEFAULT_MIRROR}; early 1.21.4
 * builds and 1.21.5 do not, and the loader must then do Paper's own lookup instead of failing to load. Each case
 * compiles that Paper's shape of the class and runs the plugin's compiled loader against it.
 */
class LoaderMirrorTest {
    private static final String PACKAGE = "io.papermc.paper.plugin.loader.library.impl";
    private static final String CENTRAL_PROPERTY = "org.bukkit.plugin.java.LibraryLoader.centralURL";

    @TempDir
    Path classes;

    @AfterEach
    void clearProperty() {
        System.clearProperty(CENTRAL_PROPERTY);
    }

    /** {@code AudioVizLoader.centralMirror()} run against a {@code MavenLibraryResolver} with {@code body}. */
    private String mirrorWith(String body) throws Exception {
        Path source = classes.resolve("src/MavenLibraryResolver.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package " + PACKAGE + ";\n"
                + "public class MavenLibraryResolver implements io.papermc.paper.plugin.loader.library.ClassPathLibrary {\n"
                + "    public MavenLibraryResolver() {}\n"
                + "    public void addDependency(org.eclipse.aether.graph.Dependency d) {}\n"
                + "    public void addRepository(org.eclipse.aether.repository.RemoteRepository r) {}\n"
                + body + "\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = classes.resolve("out");
        int status = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, status, "the stand-in Paper class compiles");
        URL plugin = AudioVizLoader.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader paper = new ChildFirst(new URL[] {out.toUri().toURL(), plugin})) {
            Method centralMirror = paper.loadClass(AudioVizLoader.class.getName()).getDeclaredMethod("centralMirror");
            centralMirror.setAccessible(true);
            return (String) centralMirror.invoke(null);
        }
    }

    @Test
    void takesTheMirrorPaperPublishes() throws Exception {
        String mirror = mirrorWith("public static final String MAVEN_CENTRAL_DEFAULT_MIRROR = mirror();\n"
                + "private static String mirror() { return \"https://paper.example/maven2\"; }");
        assertEquals("https://paper.example/maven2", mirror);
    }

    @Test
    void doesPapersOwnLookupWhereTheConstantIsMissing() throws Exception {
        assumeTrue(System.getenv("PAPER_DEFAULT_CENTRAL_REPOSITORY") == null, "the environment would pick the mirror");
        assertEquals("https://maven-central.storage-download.googleapis.com/maven2", mirrorWith(""));
        System.setProperty(CENTRAL_PROPERTY, "https://owner.example/maven2");
        assertEquals("https://owner.example/maven2", mirrorWith(""), "the server owner's setting wins");
    }

    @Test
    void theStubDeclaresTheConstantTheLoaderReads() throws Exception {
        // The build compiles the loader against the stub: the field must stay declared there for 1.21.6+.
        assertTrue(List.of(Class.forName(PACKAGE + ".MavenLibraryResolver", false, getClass().getClassLoader())
                .getDeclaredFields()).stream().anyMatch(f -> f.getName().equals("MAVEN_CENTRAL_DEFAULT_MIRROR")));
    }

    /** Loads the plugin's loader and the stand-in Paper class itself; everything else from the test's classpath. */
    private static final class ChildFirst extends URLClassLoader {
        private static final Set<String> OWN = Set.of(AudioVizLoader.class.getName(), PACKAGE + ".MavenLibraryResolver");

        ChildFirst(URL[] urls) {
            super(urls, LoaderMirrorTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!OWN.contains(name)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) loaded = findClass(name);
                if (resolve) resolveClass(loaded);
                return loaded;
            }
        }
    }
}
