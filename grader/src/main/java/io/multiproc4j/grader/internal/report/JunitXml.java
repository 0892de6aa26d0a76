package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The result in the JUnit XML format that CI servers and classroom tools read: a test suite per area, a test case per
 * rule, failures with the evidence and the hint.
 */
final class JunitXml {

    private JunitXml() {
    }

    static String write(SubmissionResult r, Wording w) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "multiproc4j: " + clean(r.name()));
            counts(x, r.rules());
            x.writeAttribute("time", seconds(r.rules().stream().mapToLong(rr -> rr.duration().toMillis()).sum()));
            for (String area : Areas.all()) {
                List<RuleResult> in = r.rules().stream().filter(rr -> Areas.of(rr.rule()).equals(area)).toList();
                if (in.isEmpty()) {
                    continue;
                }
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", area);
                counts(x, in);
                x.writeAttribute("time", seconds(in.stream().mapToLong(rr -> rr.duration().toMillis()).sum()));
                for (RuleResult rr : in) {
                    testCase(x, rr, w, area);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.append('\n').toString();
    }

    private static void testCase(XMLStreamWriter x, RuleResult rr, Wording w, String area) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "multiproc4j." + area);
        x.writeAttribute("name", clean(w.ruleName(rr)));
        x.writeAttribute("time", seconds(rr.duration().toMillis()));
        if (rr.outcome() == Outcome.SKIPPED) {
            x.writeStartElement("skipped");
            x.writeAttribute("message", clean(firstLine(rr.message())));
            x.writeEndElement();
        } else if (rr.outcome().countsAsFailed()) {
            x.writeStartElement("failure");
            x.writeAttribute("message", clean(firstLine(rr.message())));
            x.writeAttribute("type", rr.failureType().isEmpty() ? rr.outcome().name().toLowerCase(Locale.ROOT)
                    : rr.failureType());
            x.writeCharacters(clean(w.explanation(rr)));
            x.writeEndElement();
        }
        if (!rr.stderr().isEmpty()) {
            x.writeStartElement("system-err");
            x.writeCharacters(clean(rr.stderr()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void counts(XMLStreamWriter x, List<RuleResult> rules) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(rules.size()));
        x.writeAttribute("failures", Long.toString(rules.stream().filter(r -> r.outcome().countsAsFailed()).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(rules.stream().filter(r -> r.outcome() == Outcome.SKIPPED)
                .count()));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** XML 1.0 cannot carry most control characters, which a submission's output may hold. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            b.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return b.toString();
    }
}
