package io.multiproc4j.grader.internal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report described once, as headings, paragraphs, tables, lists and verbatim text, and rendered both to Markdown
 * ({@link MarkdownRenderer}) and to self-contained HTML ({@link HtmlRenderer}).
 */
final class Doc {

    /** A part of a paragraph, a table cell or a list item. */
    sealed interface Inline permits Text, Strong, Mono, Link {
    }

    /** Plain text. */
    record Text(String text) implements Inline {
    }

    /** Emphasised text. */
    record Strong(String text) implements Inline {
    }

    /** Code, such as a rule id or a class name. */
    record Mono(String text) implements Inline {
    }

    /** A link to another file of the report, or to an anchor. */
    record Link(String text, String href) implements Inline {
    }

    /** A block of the document. */
    sealed interface Block permits Heading, Para, Quote, Table, Verbatim, Bullets {
    }

    /** A heading; its anchor lets other parts link to it. */
    record Heading(int level, String text, String anchor) implements Block {
    }

    /** A paragraph. */
    record Para(List<Inline> parts) implements Block {
    }

    /** A quotation, such as a rule's sentence from the spec. */
    record Quote(List<Inline> parts) implements Block {
    }

    /** A table with a header row. */
    record Table(List<String> header, List<List<List<Inline>>> rows) implements Block {
    }

    /** Text shown as it is, such as an assertion message or a standard error excerpt. */
    record Verbatim(String text) implements Block {
    }

    /** A list. */
    record Bullets(List<List<Inline>> items) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Doc(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    List<Block> blocks() {
        return blocks;
    }

    Doc heading(int level, String text, String anchor) {
        blocks.add(new Heading(level, text, anchor));
        return this;
    }

    Doc para(Inline... parts) {
        blocks.add(new Para(List.of(parts)));
        return this;
    }

    Doc quote(List<Inline> parts) {
        blocks.add(new Quote(List.copyOf(parts)));
        return this;
    }

    Doc verbatim(String text) {
        blocks.add(new Verbatim(text));
        return this;
    }

    Doc bullets(List<List<Inline>> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    Doc table(List<String> header, List<List<List<Inline>>> rows) {
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    static Inline text(String s) {
        return new Text(s);
    }

    static Inline strong(String s) {
        return new Strong(s);
    }

    static Inline mono(String s) {
        return new Mono(s);
    }

    static Inline link(String text, String href) {
        return new Link(text, href);
    }

    /**
     * @param s text in which {@code `backticks`} mark code, as in the spec's sentences
     * @return its parts
     */
    static List<Inline> withCode(String s) {
        List<Inline> parts = new ArrayList<>();
        String[] pieces = s.split("`", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                // An unmatched backtick stays text.
                parts.add(i % 2 == 1 && i < pieces.length - 1 ? new Mono(pieces[i]) : new Text(pieces[i]));
            }
        }
        return parts;
    }

    /** @return a table cell of the given parts */
    static List<Inline> cell(Inline... parts) {
        return List.of(parts);
    }
}
