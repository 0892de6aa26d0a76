package io.multiproc4j.grader.internal.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link Doc} as GitHub-flavoured Markdown. */
final class MarkdownRenderer {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownRenderer() {
    }

    static String render(Doc doc) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(escape(doc.title())).append("\n\n");
        for (Doc.Block block : doc.blocks()) {
            if (block instanceof Doc.Heading h) {
                if (!h.anchor().isEmpty()) {
                    b.append("<a id=\"").append(h.anchor()).append("\"></a>\n");
                }
                b.append("#".repeat(h.level())).append(' ').append(escape(h.text())).append("\n\n");
            } else if (block instanceof Doc.Para p) {
                b.append(inline(p.parts(), false)).append("\n\n");
            } else if (block instanceof Doc.Quote q) {
                b.append("> ").append(inline(q.parts(), false).replace("\n", "\n> ")).append("\n\n");
            } else if (block instanceof Doc.Verbatim v) {
                String fence = fenceFor(v.text());
                b.append(fence).append("text\n").append(v.text().stripTrailing()).append('\n').append(fence)
                        .append("\n\n");
            } else if (block instanceof Doc.Bullets l) {
                l.items().forEach(item -> b.append("- ").append(inline(item, false).replace("\n", "\n  "))
                        .append('\n'));
                b.append('\n');
            } else if (block instanceof Doc.Table t) {
                b.append("| ").append(String.join(" | ", t.header().stream().map(MarkdownRenderer::cellText)
                        .toList())).append(" |\n");
                b.append("|").append("---|".repeat(t.header().size())).append('\n');
                for (List<List<Doc.Inline>> row : t.rows()) {
                    b.append("| ").append(String.join(" | ", row.stream().map(c -> inline(c, true)).toList()))
                            .append(" |\n");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String inline(List<Doc.Inline> parts, boolean inCell) {
        StringBuilder b = new StringBuilder();
        for (Doc.Inline part : parts) {
            if (part instanceof Doc.Text t) {
                b.append(inCell ? cellText(t.text()) : escape(t.text()));
            } else if (part instanceof Doc.Strong s) {
                b.append("**").append(inCell ? cellText(s.text()) : escape(s.text())).append("**");
            } else if (part instanceof Doc.Mono m) {
                b.append(code(inCell ? m.text().replace("\n", " ").replace("|", "\\|") : m.text()));
            } else if (part instanceof Doc.Link l) {
                b.append('[').append(inCell ? cellText(l.text()) : escape(l.text())).append("](")
                        .append(l.href().replace(" ", "%20").replace(")", "%29")).append(')');
            }
        }
        return b.toString();
    }

    /** Backslash-escapes what Markdown would read as markup, and line breaks become Markdown's hard breaks. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString().replace("\n", "  \n");
    }

    private static String cellText(String s) {
        return escape(s.replace("\r", "")).replace("  \n", "<br>");
    }

    private static String code(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String ticks = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return ticks + pad + s + pad + ticks;
    }

    private static String fenceFor(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
