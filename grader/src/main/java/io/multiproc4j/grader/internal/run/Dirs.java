package io.multiproc4j.grader.internal.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folder chores of the grader. */
public final class Dirs {

    private Dirs() {
    }

    /**
     * @param dir a folder
     * @return its entries, sorted; none if it does not exist or cannot be read
     */
    public static List<Path> children(Path dir) {
        List<Path> kids = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(kids::add);
        } catch (IOException e) {
            return List.of();
        }
        kids.sort(Comparator.naturalOrder());
        return kids;
    }

    /**
     * Deletes a folder and everything in it, as far as it can.
     *
     * @param dir the folder
     * @return whether it is gone
     */
    public static boolean deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // whatever is left is reported by the caller
        }
        return !Files.exists(dir);
    }
}
