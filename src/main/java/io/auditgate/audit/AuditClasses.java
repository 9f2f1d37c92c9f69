package io.auditgate.audit;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;

/**
 * Loads every class of the audit packages up front. Payara Micro closes the application's class loader while JVM
 * shutdown hooks still run, so the shutdown drain can only use classes already loaded; exercising the drain at
 * start is not enough (the first digest has no predecessor, so {@code DigestLink} is only needed later: found by
 * stopping the local gateway with Ctrl-C). Reads the class names from where this class was loaded: the exploded
 * WAR's classes directory, or a jar.
 */
final class AuditClasses {

    private static final Logger LOG = Logger.getLogger(AuditClasses.class.getName());
    private static final String PACKAGE = "io/auditgate/audit/";

    private AuditClasses() {
    }

    static void preload() {
        var loader = AuditClasses.class.getClassLoader();
        try {
            var self = loader.getResource(PACKAGE + "AuditClasses.class");
            var names = "jar".equals(self.getProtocol())
                    ? fromJar(Path.of(((JarURLConnection) self.openConnection()).getJarFileURL().toURI()))
                    : fromDirectory(Path.of(self.toURI()).getParent().getParent().getParent().getParent());
            for (var name : names) {
                Class.forName(name, false, loader);
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException | RuntimeException e) {
            LOG.warning(() -> "audit classes not preloaded (" + e + "); a shutdown drain may be incomplete, the next start ships the rest");
        }
    }

    private static List<String> fromDirectory(Path root) throws IOException {
        try (var files = Files.walk(root.resolve(PACKAGE))) {
            return files.map(root::relativize).map(Path::toString).filter(AuditClasses::isClass)
                    .map(AuditClasses::className).toList();
        }
    }

    private static List<String> fromJar(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(PACKAGE) && isClass(n)).map(AuditClasses::className).toList();
        }
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }
}
