package io.multiproc4j.grader.internal.report;

import java.util.List;

/** Renders a {@link Doc} as one self-contained HTML page: no scripts, no fonts, no files beside it. */
final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;
            max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}
            h1{font-size:1.6rem}
            h2{font-size:1.3rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
            h3{font-size:1.1rem;margin-top:1.6rem}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;
            text-align:left;vertical-align:top}th{background:#f6f8fa}
            pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word;
            font-size:.85rem}code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
            blockquote{margin:.5rem 0;padding:.2rem .8rem;border-left:.25rem solid #d0d7de;color:#59636e}
            """;

    private HtmlRenderer() {
    }

    static String render(Doc doc, String lang) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(doc.title())).append("</h1>\n");
        for (Doc.Block block : doc.blocks()) {
            if (block instanceof Doc.Heading h) {
                b.append("<h").append(h.level());
                if (!h.anchor().isEmpty()) {
                    b.append(" id=\"").append(escape(h.anchor())).append('"');
                }
                b.append('>').append(escape(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Doc.Para p) {
                b.append("<p>").append(inline(p.parts())).append("</p>\n");
            } else if (block instanceof Doc.Quote q) {
                b.append("<blockquote>").append(inline(q.parts())).append("</blockquote>\n");
            } else if (block instanceof Doc.Verbatim v) {
                b.append("<pre>").append(escape(v.text().stripTrailing())).append("</pre>\n");
            } else if (block instanceof Doc.Bullets l) {
                b.append("<ul>\n");
                l.items().forEach(item -> b.append("<li>").append(inline(item)).append("</li>\n"));
                b.append("</ul>\n");
            } else if (block instanceof Doc.Table t) {
                b.append("<table>\n<thead><tr>");
                t.header().forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
                b.append("</tr></thead>\n<tbody>\n");
                for (List<List<Doc.Inline>> row : t.rows()) {
                    b.append("<tr>");
                    row.forEach(c -> b.append("<td>").append(inline(c)).append("</td>"));
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static String inline(List<Doc.Inline> parts) {
        StringBuilder b = new StringBuilder();
        for (Doc.Inline part : parts) {
            if (part instanceof Doc.Text t) {
                b.append(escape(t.text()).replace("\n", "<br>"));
            } else if (part instanceof Doc.Strong s) {
                b.append("<strong>").append(escape(s.text())).append("</strong>");
            } else if (part instanceof Doc.Mono m) {
                b.append("<code>").append(escape(m.text())).append("</code>");
            } else if (part instanceof Doc.Link l) {
                b.append("<a href=\"").append(escape(l.href())).append("\">").append(escape(l.text())).append("</a>");
            }
        }
        return b.toString();
    }

    /** Escapes text for HTML content and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
