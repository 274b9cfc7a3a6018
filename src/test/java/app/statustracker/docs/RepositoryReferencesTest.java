package app.statustracker.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference in the repository must lead somewhere a newcomer can follow: no citation of notes, issues or
 * decisions kept outside the repository, and every citation of a docs/protocol.md section (the file name, a
 * comma, the heading) names a {@code ## } heading that docs/protocol.md has. Runs from the project directory, as Maven runs tests.
 */
class RepositoryReferencesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> TREES = List.of("src/main", "src/test", "docs", "bench", "server-config", ".ci");
    private static final List<String> FILES = List.of("README.md", "pom.xml", "Dockerfile");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target", ".git");
    private static final Set<String> TEXT_EXTENSIONS = Set.of(
            "java", "mjs", "js", "cjs", "ts", "proto", "xml", "sql", "md", "sh", "properties", "json", "yaml", "yml",
            "txt", "html", "css", "conf", "asadmin");

    /** Written in pieces so this file does not match itself. */
    private static final List<Pattern> OUTSIDE_REFERENCES = List.of(
            Pattern.compile(Pattern.quote("protocol" + "-notes")),
            Pattern.compile(Pattern.quote("platform" + "-notes")),
            Pattern.compile(Pattern.quote("shared" + "/docs")),
            Pattern.compile(Pattern.quote(".." + "/shared")),
            Pattern.compile("shared" + " decisions", Pattern.CASE_INSENSITIVE),
            Pattern.compile("[Ii]" + "ssue #?\\d+"),
            Pattern.compile("notes-" + "map"));

    /** A section sign followed by a number, unless an RFC names the section (RFC 8032 §5.1). */
    private static final Pattern SECTION_NUMBER = Pattern.compile("(?<!RFC \\d{1,5} )\u00a7\\s*\\d");

    private static final String PROTOCOL_CITATION = "docs/protocol.md" + ", ";
    private static final Pattern COMMENT_CONTINUATION = Pattern.compile("^\\s*(?:\\*|//|--|#)?\\s*");

    @Test
    void nothingCitesNotesIssuesOrDecisionsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Pattern pattern : OUTSIDE_REFERENCES) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        found.add(where(file, i) + ": \"" + m.group() + "\" in: " + line.strip());
                    }
                }
                Matcher section = SECTION_NUMBER.matcher(line);
                if (section.find()) {
                    found.add(where(file, i) + ": a section number (cite a docs/protocol.md heading instead) in: "
                            + line.strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "references to material outside the repository:\n" + String.join("\n", found));
    }

    @Test
    void thePatternsCatchWhatTheyShould() {
        List<String> samples = List.of("see protocol" + "-notes 7.3", "(iss" + "ue 5)", "Issue " + "12's tests",
                "(shared" + " decisions)", ".." + "/sha" + "red/docs/x.md", "platform" + "-notes P17");
        for (String sample : samples) {
            assertTrue(OUTSIDE_REFERENCES.stream().anyMatch(p -> p.matcher(sample).find()), sample);
        }
        assertTrue(SECTION_NUMBER.matcher("(\u00a78.3)").find());
        assertFalse(SECTION_NUMBER.matcher("(RFC 8032 \u00a75.1)").find());
        List<String> headings = List.of("Text and link statuses", "Signal");
        assertTrue(headingAt("Text and link statuses)", headings).isPresent());
        assertTrue(headingAt("Signal and Retries", headings).isPresent());
        assertTrue(headingAt("Signals)", headings).isEmpty());
    }

    @Test
    void protocolCitationsNameExistingHeadings() throws IOException {
        List<String> headings = protocolHeadings();
        assertFalse(headings.isEmpty(), "docs/protocol.md has no ## headings");
        List<String> wrong = new ArrayList<>();
        int citations = 0;
        for (Path file : scannedFiles()) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.stripTrailing().endsWith(PROTOCOL_CITATION.strip()) && i + 1 < lines.size()) {
                    // a citation wrapped after its comma: read the heading from the next line
                    line = line.stripTrailing() + " " + COMMENT_CONTINUATION.matcher(lines.get(i + 1)).replaceFirst("");
                }
                int at = line.indexOf(PROTOCOL_CITATION);
                while (at >= 0) {
                    citations++;
                    String rest = line.substring(at + PROTOCOL_CITATION.length());
                    if (headingAt(rest, headings).isEmpty()) {
                        wrong.add(where(file, i) + ": no such heading in docs/protocol.md: " + line.strip());
                    }
                    at = line.indexOf(PROTOCOL_CITATION, at + PROTOCOL_CITATION.length());
                }
            }
        }
        assertTrue(citations > 0, "no docs/protocol.md citations found: is the working directory the project?");
        assertTrue(wrong.isEmpty(), "citations of missing headings (headings: " + headings + "):\n"
                + String.join("\n", wrong));
    }

    /** The heading {@code text} starts with, longest first so "Text and link statuses" is not read as "Text". */
    private static Optional<String> headingAt(String text, List<String> headings) {
        return headings.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(h -> text.startsWith(h)
                        && (text.length() == h.length() || !Character.isLetterOrDigit(text.charAt(h.length()))))
                .findFirst();
    }

    private static List<String> protocolHeadings() throws IOException {
        return Files.readAllLines(ROOT.resolve("docs/protocol.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).strip())
                .toList();
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String tree : TREES) {
            Path dir = ROOT.resolve(tree);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(RepositoryReferencesTest::notInSkippedDirectory)
                        .filter(RepositoryReferencesTest::isText)
                        .forEach(files::add);
            }
        }
        for (String name : FILES) {
            Path file = ROOT.resolve(name);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static boolean notInSkippedDirectory(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** Text by extension; scripts without one only under .ci and bench (test resources hold binary corpora). */
    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            Path relative = ROOT.relativize(file);
            return relative.startsWith(".ci") || relative.startsWith("bench");
        }
        return TEXT_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, int index) {
        return ROOT.relativize(file) + ":" + (index + 1);
    }
}
